package dev.vigil.ingestion.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.report.IssueKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitConverterTest {

    private static UnitConverter units;

    @BeforeAll
    static void load() {
        units = UnitConverter.load();
    }

    /** Factors computed by hand from the UCUM definitions (value in 'from' times factor = value in 'to'). */
    @ParameterizedTest(name = "{0} -> {1} = x {2}")
    @CsvSource(delimiter = ';', value = {
        "mg/dL; g/L; 0.01",
        "g/L; g/dL; 0.1",
        "10*9/L; 10*3/uL; 1",
        "10*3/mm3; 10*3/uL; 1",
        "/min; /h; 60",
        "{beats}/min; /min; 1",
        "min-1; /min; 1",
        "%; 1; 0.01",
        "1; %; 100",
        "[lb_av]; kg; 0.45359237",
        "g; kg; 0.001",
        "L; mL; 1000",
        "mL/h; mL/min; 0.016666666666666666",
        "mg/min; ug/min; 1000",
        "ug/min; (ug/kg/min).kg; 1",
        "mmol/L; umol/L; 1000",
        "ng/mL; ug/L; 1",
        "m[IU]/L; [IU]/L; 0.001",
        "[IU]/L; [iU]/L; 1",
        "U/min; mU/min; 1000",
        "h; min; 60",
        "d; h; 24",
    })
    void convertsWithTheHandComputedFactor(String from, String to, double factor) {
        UnitConversion conversion = units.conversion(from, to);
        assertThat(conversion.scale()).isCloseTo(factor, within(Math.ulp(factor) * 4));
        assertThat(conversion.offset()).isZero();
    }

    @Test
    void convertsPressureByTheUcumDefinitionOfMillimetresOfMercury() {
        // UCUM: 1 m[Hg] = 133.3220 kPa, so 1 mm[Hg] = 133.322 Pa.
        assertThat(units.convert(1.0, "kPa", "mm[Hg]")).isCloseTo(1000.0 / 133.322, within(1e-12));
        assertThat(units.convert(1.0, "mm[Hg]", "kPa")).isCloseTo(0.133322, within(1e-15));
    }

    @ParameterizedTest(name = "{0} {1} = {2} {3}")
    @CsvSource({
        "37, Cel, 98.6, [degF]",
        "98.6, [degF], 37, Cel",
        "-40, Cel, -40, [degF]",
        "0, Cel, 273.15, K",
        "32, [degF], 273.15, K",
        "300, K, 26.85, Cel",
        "100, Cel, 80, [degRe]",
        "36.6, Cel, 36600, mCel",
    })
    void convertsTemperaturesWithTheirOffsets(double value, String from, double expected, String to) {
        if (to.equals("mCel")) {
            // A prefixed special unit is special too: only the bare scales convert.
            assertThatThrownBy(() -> units.convert(value, from, to))
                    .isInstanceOfSatisfying(UnitConversionException.class,
                            e -> assertThat(e.kind()).isEqualTo(IssueKind.UNCONVERTIBLE_UNIT));
            return;
        }
        assertThat(units.convert(value, from, to)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void convertsConcentrationsOnlyWithAMolarMass() {
        // Creatinine 113.12 g/mol: 1 umol/L = 113.12e-6 g/L = 0.011312 mg/dL.
        assertThat(units.conversion("umol/L", "mg/dL", 113.12).scale()).isCloseTo(0.011312, within(1e-15));
        // Bilirubin 584.66 g/mol: 1 mg/dL = 0.01 g/L / 584.66 g/mol = 10000 / 584.66 umol/L.
        assertThat(units.conversion("mg/dL", "umol/L", 584.66).scale()).isCloseTo(10000 / 584.66, within(1e-12));
        assertThatThrownBy(() -> units.conversion("umol/L", "mg/dL"))
                .isInstanceOfSatisfying(UnitConversionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IssueKind.UNCONVERTIBLE_UNIT);
                    assertThat(e.getMessage()).contains("'umol/L'", "'mg/dL'", "molarMass");
                });
    }

    @Test
    void keepsMolesApartFromCounts() {
        // UCUM counts a mole as 6.022e23, which would make these convertible; they are not the same thing.
        assertUnconvertible("umol/L", "10*9/L");
        assertUnconvertible("mol", "1");
    }

    @Test
    void keepsArbitraryUnitsApart() {
        assertUnconvertible("[IU]/L", "mol/L");
        assertUnconvertible("[IU]", "1");
        assertUnconvertible("[IU]", "[arb'U]");
    }

    @Test
    void acceptsAnAnnotationOnlyUnitOnlyAsItselfOrOne() {
        assertThat(units.conversion("{score}", "{score}")).isEqualTo(UnitConversion.IDENTITY);
        assertThat(units.conversion("1", "{score}")).isEqualTo(UnitConversion.IDENTITY);
        assertThat(units.conversion("{INR}", "1")).isEqualTo(UnitConversion.IDENTITY);
        assertUnconvertible("{INR}", "{score}");
        assertUnconvertible("%", "{score}");
        assertUnconvertible("{score}", "%");
    }

    @Test
    void refusesIncommensurableUnitsNamingBothAndTheirDimensions() {
        assertThatThrownBy(() -> units.conversion("kg", "mL"))
                .isInstanceOfSatisfying(UnitConversionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IssueKind.UNCONVERTIBLE_UNIT);
                    assertThat(e.getMessage()).isEqualTo(
                            "'kg' cannot be converted to 'mL': the dimensions differ (g vs m3)");
                });
        assertUnconvertible("Cel", "mg");
        assertUnconvertible("Cel/h", "K/h");
        assertUnconvertible("[pH]", "mol/L");
    }

    @Test
    void convertsASpecialUnitToItself() {
        assertThat(units.conversion("[pH]", "[pH]")).isEqualTo(UnitConversion.IDENTITY);
    }

    @Test
    void reportsAMissingUnit() {
        assertKind(null, "mg", IssueKind.MISSING_UNIT);
        assertKind("", "mg", IssueKind.MISSING_UNIT);
        assertKind("  ", "mg", IssueKind.MISSING_UNIT);
    }

    @Test
    void reportsAnUnknownUnitWithAHint() {
        assertThatThrownBy(() -> units.conversion("mmHg", "mm[Hg]"))
                .isInstanceOfSatisfying(UnitConversionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IssueKind.UNKNOWN_UNIT);
                    assertThat(e.getMessage()).startsWith("'mmHg' is not a UCUM unit").contains("mm[Hg]");
                });
        assertKind("mg/dL ", "mg/dL", IssueKind.UNKNOWN_UNIT);
        assertKind("beats", "/min", IssueKind.UNKNOWN_UNIT);
    }

    @Test
    void cachesConversionsAndFailures() {
        UnitConversion first = units.conversion("mg/dL", "g/L");
        assertThat(units.conversion("mg/dL", "g/L")).isSameAs(first);
        for (int i = 0; i < 3; i++) {
            assertKind("mmHg", "mm[Hg]", IssueKind.UNKNOWN_UNIT);
        }
        // A molar mass is part of the question.
        assertThat(units.conversion("umol/L", "mg/dL", 113.12).scale())
                .isNotEqualTo(units.conversion("umol/L", "mg/dL", 584.66).scale());
    }

    @Test
    void knowsTheUcumVersion() {
        assertThat(units.ucumVersion()).isNotBlank();
    }

    private static void assertUnconvertible(String from, String to) {
        assertKind(from, to, IssueKind.UNCONVERTIBLE_UNIT);
    }

    private static void assertKind(String from, String to, IssueKind kind) {
        assertThatThrownBy(() -> units.conversion(from, to))
                .isInstanceOfSatisfying(UnitConversionException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}

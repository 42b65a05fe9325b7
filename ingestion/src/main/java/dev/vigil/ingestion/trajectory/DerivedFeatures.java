package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.DerivedFeatureSpec;
import dev.vigil.ingestion.cohort.DerivedKind;
import dev.vigil.ingestion.cohort.FeatureSpec;
import dev.vigil.ingestion.cohort.StaticFeatureSpec;
import dev.vigil.ingestion.units.UnitConversion;
import dev.vigil.ingestion.units.UnitConversionException;
import dev.vigil.ingestion.units.UnitConverter;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.Instant;

/**
 * Fills the derived and static columns of an episode's states.
 * <ul>
 *   <li>Cumulative sum of a feature: the sum of the feature's measured bloc values so far (blocs without a
 *       measurement add nothing and are flagged missing); NaN until the first measurement.</li>
 *   <li>Cumulative sum of an action: the sum of the action's values in the blocs before this one (the
 *       state never contains the action of its own bloc); 0 in the first bloc; never missing.</li>
 *   <li>Ratio: numerator / denominator of the features' values (held values included), converted to the
 *       derived unit; NaN when either is NaN or the denominator is 0; missing when either is.</li>
 *   <li>Age at the anchor in completed years (UTC dates); gender male 1, female 0; NaN when unknown.</li>
 * </ul>
 */
final class DerivedFeatures {

    private final CohortSpec spec;
    private final EpisodeLayout layout;
    private final UnitConversion[] ratios;

    DerivedFeatures(CohortSpec spec, UnitConverter units) {
        this.spec = spec;
        this.layout = new EpisodeLayout(spec);
        this.ratios = new UnitConversion[spec.derived().size()];
        for (int d = 0; d < ratios.length; d++) {
            if (spec.derived().get(d).kind() == DerivedKind.RATIO) {
                ratios[d] = ratioConversion(spec, units, spec.derived().get(d));
            }
        }
    }

    /**
     * The factor from numerator-unit / denominator-unit to the derived unit.
     *
     * @throws IllegalArgumentException when the units do not combine to the derived unit
     */
    static UnitConversion ratioConversion(CohortSpec spec, UnitConverter units, DerivedFeatureSpec derived) {
        FeatureSpec numerator = spec.feature(derived.numerator()).orElseThrow();
        FeatureSpec denominator = spec.feature(derived.denominator()).orElseThrow();
        String quotient = "(" + numerator.unit() + ")/(" + denominator.unit() + ")";
        try {
            UnitConversion conversion = units.conversion(quotient, derived.unit());
            if (conversion.offset() != 0) {
                throw new IllegalArgumentException("Derived feature " + derived.name() + ": a ratio cannot be taken of "
                        + "units with an offset (" + quotient + ")");
            }
            return conversion;
        } catch (UnitConversionException e) {
            throw new IllegalArgumentException("Derived feature " + derived.name() + " divides " + numerator.name()
                    + " by " + denominator.name() + ", giving " + quotient + ", which does not convert to its unit "
                    + derived.unit() + ": " + e.getMessage());
        }
    }

    void fill(StateAssembler.States states, double[][] actions, PatientFacts patient, BlocGrid grid) {
        double[][] values = states.values();
        boolean[][] missing = states.missing();
        int blocs = values.length;
        for (int d = 0; d < spec.derived().size(); d++) {
            DerivedFeatureSpec derived = spec.derived().get(d);
            int column = layout.firstDerived() + d;
            if (derived.kind() == DerivedKind.CUMULATIVE_SUM) {
                int feature = featureIndex(derived.of());
                if (feature >= 0) {
                    double running = Double.NaN;
                    for (int b = 0; b < blocs; b++) {
                        double measured = states.measured()[b][feature];
                        if (!Double.isNaN(measured)) {
                            running = (Double.isNaN(running) ? 0 : running) + measured;
                        }
                        values[b][column] = running;
                        missing[b][column] = Double.isNaN(measured);
                    }
                } else {
                    // Only earlier blocs: a state must not contain the action taken in its own bloc.
                    int action = actionIndex(derived.of());
                    double running = 0;
                    for (int b = 0; b < blocs; b++) {
                        values[b][column] = running;
                        running += actions[b][action];
                    }
                }
            } else {
                int numerator = featureIndex(derived.numerator());
                int denominator = featureIndex(derived.denominator());
                for (int b = 0; b < blocs; b++) {
                    double top = values[b][numerator];
                    double bottom = values[b][denominator];
                    if (Double.isNaN(top) || Double.isNaN(bottom) || bottom == 0) {
                        values[b][column] = Double.NaN;
                        missing[b][column] = true;
                    } else {
                        values[b][column] = ratios[d].apply(top / bottom);
                        missing[b][column] = missing[b][numerator] || missing[b][denominator];
                    }
                }
            }
        }
        for (int s = 0; s < spec.staticFeatures().size(); s++) {
            StaticFeatureSpec feature = spec.staticFeatures().get(s);
            double value = switch (feature.kind()) {
                case AGE_AT_ANCHOR -> age(patient.birthEpochDay(), grid.anchor());
                case GENDER -> patient.gender() == PatientFacts.UNKNOWN_GENDER ? Double.NaN : patient.gender();
            };
            int column = layout.firstStatic() + s;
            for (int b = 0; b < blocs; b++) {
                values[b][column] = value;
                missing[b][column] = Double.isNaN(value);
            }
        }
    }

    private static double age(long birthEpochDay, long anchor) {
        if (birthEpochDay == FhirTimes.NONE) {
            return Double.NaN;
        }
        LocalDate birth = LocalDate.ofEpochDay(birthEpochDay);
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(anchor), ZoneOffset.UTC);
        return day.isBefore(birth) ? Double.NaN : Period.between(birth, day).getYears();
    }

    private int featureIndex(String name) {
        for (int f = 0; f < spec.features().size(); f++) {
            if (spec.features().get(f).name().equals(name)) {
                return f;
            }
        }
        return -1;
    }

    private int actionIndex(String name) {
        for (int a = 0; a < spec.actions().size(); a++) {
            if (spec.actions().get(a).name().equals(name)) {
                return a;
            }
        }
        return -1;
    }
}

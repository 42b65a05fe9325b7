package dev.vigil.ingestion.units;

import dev.vigil.ingestion.report.IssueKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Converts values between UCUM units, or says why it cannot; never guesses.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>A missing (null or blank) unit is {@link IssueKind#MISSING_UNIT}; a unit UCUM does not know is
 *       {@link IssueKind#UNKNOWN_UNIT}.</li>
 *   <li>Identical codes convert with the identity (even special units such as {@code [pH]}).</li>
 *   <li>An annotation-only unit such as {@code {score}} or {@code {INR}} is the number 1 to UCUM, but it names
 *       a particular scale: it converts only to the identical annotation or to {@code 1}. Annotations inside
 *       a larger unit ({@code {beats}/min}) are ignored, as UCUM says.</li>
 *   <li>Temperatures (Cel, [degF], [degRe], K and its prefixes) convert through kelvin with their offsets,
 *       which UCUM's own converter does not do.</li>
 *   <li>Otherwise both units are reduced to a factor and dimensions ({@link ReducedUnit}); equal dimensions
 *       convert by the ratio of the factors.</li>
 *   <li>Amount of substance and mass ({@code umol/L} and {@code mg/dL}) convert only when the caller gives a
 *       molar mass in g/mol; everything else is {@link IssueKind#UNCONVERTIBLE_UNIT}.</li>
 * </ol>
 *
 * <p>Every answer, including every failure, is cached per (from, to, molar mass): ingestion asks millions of
 * times for a handful of unit pairs. Thread-safe.
 */
public final class UnitConverter {

    /** The FHIR code system of UCUM units. */
    public static final String UCUM_SYSTEM = "http://unitsofmeasure.org";

    /** The UCUM definitions inside the {@code org.fhir:ucum} jar. */
    static final String ESSENCE_RESOURCE = "/ucum-essence.xml";

    private static final Pattern ANNOTATION_ONLY = Pattern.compile("\\{[^{}]*}");
    private static final MathContext PRECISION = ReducedUnit.PRECISION;
    private static final String KELVIN = "K";

    /** Kelvin = value * scale + offset, for the temperature scales whose zero is not absolute zero. */
    private static final Map<String, Affine> TEMPERATURES = Map.of(
            "Cel", new Affine(BigDecimal.ONE, new BigDecimal("273.15")),
            "[degF]", new Affine(new BigDecimal(5).divide(new BigDecimal(9), PRECISION),
                    new BigDecimal("459.67").multiply(new BigDecimal(5)).divide(new BigDecimal(9), PRECISION)),
            "[degRe]", new Affine(new BigDecimal("1.25"), new BigDecimal("273.15")));

    private final UcumEssenceService ucum;
    private final UcumReducer reducer;
    private final ConcurrentHashMap<Key, Object> cache = new ConcurrentHashMap<>();

    private UnitConverter(UcumEssenceService ucum, Set<String> arbitraryUnits) {
        this.ucum = ucum;
        this.reducer = new UcumReducer(ucum.getModel(), arbitraryUnits);
    }

    /** Loads the UCUM definitions shipped in the {@code org.fhir:ucum} jar; no network. */
    public static UnitConverter load() {
        byte[] essence;
        try (InputStream in = UcumEssenceService.class.getResourceAsStream(ESSENCE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The UCUM definitions " + ESSENCE_RESOURCE + " are not on the class "
                        + "path: the org.fhir:ucum jar is missing or damaged; rebuild with ./mvnw");
            }
            essence = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the UCUM definitions " + ESSENCE_RESOURCE, e);
        }
        try {
            return new UnitConverter(new UcumEssenceService(new ByteArrayInputStream(essence)),
                    arbitraryUnits(essence));
        } catch (UcumException e) {
            throw new IllegalStateException("The UCUM definitions " + ESSENCE_RESOURCE + " cannot be loaded: "
                    + e.getMessage(), e);
        }
    }

    /** The UCUM version of the loaded definitions, e.g. {@code 2.2}. */
    public String ucumVersion() {
        return ucum.ucumIdentification().getVersion();
    }

    /**
     * Checks that {@code unit} is a UCUM unit.
     *
     * @throws UnitConversionException MISSING_UNIT or UNKNOWN_UNIT
     */
    public void requireValid(String unit) {
        if (unit == null || unit.isBlank()) {
            throw new UnitConversionException(IssueKind.MISSING_UNIT, "the unit is missing");
        }
        String problem;
        synchronized (ucum) {
            problem = ucum.validate(unit);
        }
        if (problem != null) {
            throw new UnitConversionException(IssueKind.UNKNOWN_UNIT,
                    "'" + unit + "' is not a UCUM unit (" + problem + "); use the UCUM code, e.g. mm[Hg] for mmHg");
        }
    }

    /** {@code value} in {@code from}, expressed in {@code to}. */
    public double convert(double value, String from, String to) {
        return conversion(from, to).apply(value);
    }

    /** The conversion from {@code from} to {@code to} without a molar mass. */
    public UnitConversion conversion(String from, String to) {
        return conversion(from, to, Double.NaN);
    }

    /**
     * The conversion from {@code from} to {@code to}.
     *
     * @param molarMass g/mol of the substance measured, used only to convert between amount of substance and
     *     mass; {@code NaN} when the specification gives none
     * @throws UnitConversionException MISSING_UNIT, UNKNOWN_UNIT or UNCONVERTIBLE_UNIT
     */
    public UnitConversion conversion(String from, String to, double molarMass) {
        Key key = new Key(from, to, Double.isNaN(molarMass) ? Double.NaN : molarMass);
        Object answer = cache.get(key);
        if (answer == null) {
            answer = compute(from, to, molarMass);
            cache.putIfAbsent(key, answer);
        }
        if (answer instanceof Failure failure) {
            throw new UnitConversionException(failure.kind(), failure.message());
        }
        return (UnitConversion) answer;
    }

    private Object compute(String from, String to, double molarMass) {
        try {
            requireValid(from);
            requireValid(to);
            return resolve(from, to, molarMass);
        } catch (UnitConversionException e) {
            return new Failure(e.kind(), e.getMessage());
        }
    }

    private UnitConversion resolve(String from, String to, double molarMass) {
        if (from.equals(to)) {
            return UnitConversion.IDENTITY;
        }
        boolean fromAnnotation = ANNOTATION_ONLY.matcher(from).matches();
        boolean toAnnotation = ANNOTATION_ONLY.matcher(to).matches();
        if (fromAnnotation || toAnnotation) {
            if (from.equals("1") || to.equals("1")) {
                return UnitConversion.IDENTITY;
            }
            throw unconvertible(from, to, "an annotation-only unit such as {score} is a number on a scale of its "
                    + "own; it converts only to the same annotation or to 1");
        }
        if (TEMPERATURES.containsKey(from) || TEMPERATURES.containsKey(to)) {
            return temperature(from, to);
        }
        ReducedUnit source;
        ReducedUnit target;
        synchronized (reducer) {
            source = reducer.reduce(from);
            target = reducer.reduce(to);
        }
        if (source.dimensions().equals(target.dimensions())) {
            return linear(source.factor().divide(target.factor(), PRECISION));
        }
        int moles = source.exponentOf("mol") - target.exponentOf("mol");
        if (moles != 0 && massEquivalent(source, target, moles)) {
            if (!(molarMass > 0 && Double.isFinite(molarMass))) {
                throw unconvertible(from, to, "converting between amount of substance and mass needs the "
                        + "substance's molar mass: give the feature a molarMass in g/mol");
            }
            BigDecimal mass = new BigDecimal(molarMass);
            BigDecimal perMole = moles > 0 ? mass.pow(moles, PRECISION)
                    : BigDecimal.ONE.divide(mass.pow(-moles, PRECISION), PRECISION);
            return linear(source.factor().multiply(perMole, PRECISION).divide(target.factor(), PRECISION));
        }
        throw unconvertible(from, to, "the dimensions differ (" + source.describeDimensions() + " vs "
                + target.describeDimensions() + ")");
    }

    /** Whether source * (g/mol)^moles has the target's dimensions. */
    private static boolean massEquivalent(ReducedUnit source, ReducedUnit target, int moles) {
        TreeMap<String, Integer> shifted = new TreeMap<>(source.dimensions());
        shifted.merge("g", moles, Integer::sum);
        shifted.merge("mol", -moles, Integer::sum);
        shifted.values().removeIf(exponent -> exponent == 0);
        return shifted.equals(target.dimensions());
    }

    private UnitConversion temperature(String from, String to) {
        Affine source = kelvin(from, to);
        Affine target = kelvin(to, from);
        // kelvin = a_s * v + b_s = a_t * w + b_t  =>  w = (a_s / a_t) v + (b_s - b_t) / a_t
        BigDecimal scale = source.scale().divide(target.scale(), PRECISION);
        BigDecimal offset = source.offset().subtract(target.offset()).divide(target.scale(), PRECISION);
        return new UnitConversion(scale.doubleValue(), offset.doubleValue());
    }

    private Affine kelvin(String unit, String other) {
        Affine special = TEMPERATURES.get(unit);
        if (special != null) {
            return special;
        }
        ReducedUnit reduced;
        synchronized (reducer) {
            reduced = reducer.reduce(unit);
        }
        if (!reduced.dimensions().equals(Map.of(KELVIN, 1))) {
            throw unconvertible(unit, other, "only a temperature converts to or from a temperature ("
                    + reduced.describeDimensions() + " is not one)");
        }
        return new Affine(reduced.factor(), BigDecimal.ZERO);
    }

    private static UnitConversion linear(BigDecimal scale) {
        return new UnitConversion(scale.doubleValue(), 0.0);
    }

    private static UnitConversionException unconvertible(String from, String to, String why) {
        return new UnitConversionException(IssueKind.UNCONVERTIBLE_UNIT,
                "'" + from + "' cannot be converted to '" + to + "': " + why);
    }

    private static Set<String> arbitraryUnits(byte[] essence) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList units = factory.newDocumentBuilder().parse(new ByteArrayInputStream(essence))
                    .getElementsByTagName("unit");
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < units.getLength(); i++) {
                Element unit = (Element) units.item(i);
                if ("yes".equals(unit.getAttribute("isArbitrary"))) {
                    codes.add(unit.getAttribute("Code"));
                }
            }
            return codes;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("Cannot read the arbitrary units from " + ESSENCE_RESOURCE, e);
        }
    }

    private record Key(String from, String to, double molarMass) {
    }

    private record Failure(IssueKind kind, String message) {
    }

    private record Affine(BigDecimal scale, BigDecimal offset) {
    }
}

package dev.vigil.safety.contraindication;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A patient's covariates before TACE. Missing values are {@code null} (categories, counts) or NaN
 * (measurements); present values must be plausible. Names and codings of {@link #variables()} follow the
 * hcc-tace cohort where it has the variable.
 *
 * @param childPughClass Child-Pugh class
 * @param childPughScore Child-Pugh score 5..15, consistent with the class when both are given
 * @param bilirubin total bilirubin, mg/dL
 * @param albumin g/dL
 * @param inr international normalised ratio
 * @param platelets 10^3/uL
 * @param creatinine mg/dL
 * @param afp alpha-fetoprotein, ng/mL
 * @param ecog ECOG performance status 0..4
 * @param bclcStage BCLC stage
 * @param portalVeinThrombus tumour thrombus in the portal vein
 * @param lesionCount number of liver lesions, {@code >= 1}
 * @param largestDiameterCm diameter of the largest lesion, cm
 */
public record TaceCovariates(ChildPughClass childPughClass, Integer childPughScore, double bilirubin, double albumin,
        double inr, double platelets, double creatinine, double afp, Integer ecog, BclcStage bclcStage,
        PortalVeinThrombus portalVeinThrombus, Integer lesionCount, double largestDiameterCm) {

    /** The unit each variable of {@link #variables()} is in; rule files must use the same. */
    public static final Map<String, String> UNITS = units();

    public TaceCovariates {
        if (childPughScore != null) {
            if (childPughScore < 5 || childPughScore > 15) {
                throw new IllegalArgumentException("childPughScore is 5..15, got " + childPughScore);
            }
            if (childPughClass != null && !childPughClass.contains(childPughScore)) {
                throw new IllegalArgumentException("Child-Pugh score " + childPughScore + " is class "
                        + ChildPughClass.ofScore(childPughScore) + ", not " + childPughClass);
            }
        }
        requireRange("bilirubin", bilirubin, 0, 80);
        requireRange("albumin", albumin, 0.5, 7);
        requireRange("inr", inr, 0.5, 20);
        requireRange("platelets", platelets, 0, 2000);
        requireRange("creatinine", creatinine, 0, 30);
        requireRange("afp", afp, 0, 1e7);
        requireRange("largestDiameterCm", largestDiameterCm, 0, 40);
        if (ecog != null && (ecog < 0 || ecog > 4)) {
            throw new IllegalArgumentException("ecog is 0..4, got " + ecog);
        }
        if (lesionCount != null && lesionCount < 1) {
            throw new IllegalArgumentException("lesionCount is >= 1, got " + lesionCount);
        }
    }

    /** Every covariate missing. */
    public static TaceCovariates unknown() {
        return new TaceCovariates(null, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                null, null, null, null, Double.NaN);
    }

    /**
     * The covariates as named numbers, NaN when missing: {@code child_pugh_class} (1..3), {@code child_pugh_score},
     * {@code bilirubin}, {@code albumin}, {@code inr}, {@code platelets}, {@code creatinine}, {@code afp},
     * {@code ecog}, {@code bclc_stage} (0..4), {@code portal_vein_thrombus} (0..2), {@code lesion_count},
     * {@code largest_diameter}; units in {@link #UNITS}.
     */
    public Map<String, Double> variables() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("child_pugh_class", childPughClass == null ? Double.NaN : childPughClass.code());
        values.put("child_pugh_score", number(childPughScore));
        values.put("bilirubin", bilirubin);
        values.put("albumin", albumin);
        values.put("inr", inr);
        values.put("platelets", platelets);
        values.put("creatinine", creatinine);
        values.put("afp", afp);
        values.put("ecog", number(ecog));
        values.put("bclc_stage", bclcStage == null ? Double.NaN : bclcStage.code());
        values.put("portal_vein_thrombus", portalVeinThrombus == null ? Double.NaN : portalVeinThrombus.code());
        values.put("lesion_count", number(lesionCount));
        values.put("largest_diameter", largestDiameterCm);
        return Collections.unmodifiableMap(values);
    }

    private static double number(Integer value) {
        return value == null ? Double.NaN : value;
    }

    private static void requireRange(String name, double value, double min, double max) {
        if (!Double.isNaN(value) && !(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + " (NaN when missing), got "
                    + value);
        }
    }

    private static Map<String, String> units() {
        Map<String, String> units = new LinkedHashMap<>();
        units.put("child_pugh_class", "1");
        units.put("child_pugh_score", "{score}");
        units.put("bilirubin", "mg/dL");
        units.put("albumin", "g/dL");
        units.put("inr", "{INR}");
        units.put("platelets", "10*3/uL");
        units.put("creatinine", "mg/dL");
        units.put("afp", "ng/mL");
        units.put("ecog", "{score}");
        units.put("bclc_stage", "1");
        units.put("portal_vein_thrombus", "1");
        units.put("lesion_count", "1");
        units.put("largest_diameter", "cm");
        return Collections.unmodifiableMap(units);
    }
}

package dev.vigil.ingestion.synth.sepsis;

import java.util.List;
import java.util.Locale;

/**
 * The features of the {@code icu-sepsis} cohort, in the order of every observation vector the simulator
 * returns: this enum is the one place that order is defined.
 *
 * <p>Names and canonical units are those of {@code docs/cohorts/icu-sepsis-codes.md}: the 17 charted state
 * features in the table's order, then the 3 derived ones, then the 2 static ones. A consumer whose cohort
 * specification orders features differently should map by {@link #featureName()}, never by position.
 */
public enum SepsisFeature {
    HEART_RATE("heart_rate", "/min"),
    SBP("sbp", "mm[Hg]"),
    DBP("dbp", "mm[Hg]"),
    MAP("map", "mm[Hg]"),
    RESP_RATE("resp_rate", "/min"),
    SPO2("spo2", "%"),
    TEMPERATURE("temperature", "Cel"),
    GCS("gcs", "{score}"),
    FIO2("fio2", "%"),
    PAO2("pao2", "mm[Hg]"),
    LACTATE("lactate", "mmol/L"),
    CREATININE("creatinine", "mg/dL"),
    BILIRUBIN("bilirubin", "mg/dL"),
    PLATELETS("platelets", "10*3/uL"),
    WBC("wbc", "10*3/uL"),
    /** Sum of the bloc's hourly urine outputs. */
    URINE_OUTPUT("urine_output", "mL"),
    WEIGHT("weight", "kg"),
    /** Urine since the window start, this bloc included. */
    URINE_OUTPUT_CUM("urine_output_cum", "mL"),
    /** IV fluid since the window start, before this bloc's decision (see {@link SepsisSimulator}). */
    FLUID_INPUT_CUM("fluid_input_cum", "mL"),
    /** PaO2 / (FiO2 / 100) from the bloc's pao2 and fio2 values. */
    PF_RATIO("pf_ratio", "mm[Hg]"),
    /** Whole years at onset. */
    AGE("age", "a"),
    /** male = 1, female = 0. */
    GENDER("gender", "1");

    /** Length of every observation vector. */
    public static final int COUNT = values().length;

    private static final List<SepsisFeature> ALL = List.of(values());

    private final String featureName;
    private final String unit;

    SepsisFeature(String featureName, String unit) {
        this.featureName = featureName;
        this.unit = unit;
    }

    /** The cohort's feature name, e.g. {@code heart_rate}. */
    public String featureName() {
        return featureName;
    }

    /** The canonical UCUM unit of the vector's value. */
    public String unit() {
        return unit;
    }

    /** Position in the observation vector. */
    public int index() {
        return ordinal();
    }

    /** All features in vector order. */
    public static List<SepsisFeature> inOrder() {
        return ALL;
    }

    /** Feature names in vector order. */
    public static List<String> names() {
        return ALL.stream().map(SepsisFeature::featureName).toList();
    }

    /**
     * The feature with cohort name {@code name}.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static SepsisFeature byName(String name) {
        for (SepsisFeature feature : ALL) {
            if (feature.featureName.equals(name)) {
                return feature;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not an icu-sepsis feature; use one of " + names()
                + " (names are lower case, e.g. " + name.toLowerCase(Locale.ROOT) + ")");
    }
}

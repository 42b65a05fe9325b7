package dev.vigil.ingestion.synth.fhir;

import dev.vigil.ingestion.synth.sepsis.SepsisFeature;

/**
 * The codes of {@code docs/cohorts/icu-sepsis-codes.md} as the generator writes them. The generator must never
 * code a thing differently from that document: real exports are mapped by editing a copy of the cohort
 * specification instead.
 */
public final class SepsisCodes {

    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    public static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    public static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    /** Identifier system of the synthetic patients' {@code sepsis-<seed>-<n>} names. */
    public static final String PATIENT_IDENTIFIER = "urn:vigil:synthetic-sepsis";

    public static final String SEPSIS_SNOMED = "91302008";
    public static final String SODIUM_CHLORIDE_RXNORM = "9863";
    public static final String INTRAVENOUS_ROUTE_SNOMED = "47625008";

    private SepsisCodes() {
    }

    /**
     * How one charted feature is coded.
     *
     * @param loinc the LOINC code (the first of the document's codes for the feature)
     * @param display the LOINC display
     * @param ucum the canonical UCUM code
     * @param unitText the human-readable unit of {@code Quantity.unit}
     * @param category the observation-category code
     */
    public record Coding(String loinc, String display, String ucum, String unitText, String category) {
    }

    /** The coding of a charted feature; derived and static features are never charted. */
    public static Coding of(SepsisFeature feature) {
        return switch (feature) {
            case HEART_RATE -> new Coding("8867-4", "Heart rate", "/min", "/min", "vital-signs");
            case SBP -> new Coding("8480-6", "Systolic blood pressure", "mm[Hg]", "mmHg", "vital-signs");
            case DBP -> new Coding("8462-4", "Diastolic blood pressure", "mm[Hg]", "mmHg", "vital-signs");
            case MAP -> new Coding("8478-0", "Mean blood pressure", "mm[Hg]", "mmHg", "vital-signs");
            case RESP_RATE -> new Coding("9279-1", "Respiratory rate", "/min", "/min", "vital-signs");
            case SPO2 -> new Coding("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", "%",
                    "vital-signs");
            case TEMPERATURE -> new Coding("8310-5", "Body temperature", "Cel", "Cel", "vital-signs");
            case GCS -> new Coding("9269-2", "Glasgow coma score total", "{score}", "score", "exam");
            case FIO2 -> new Coding("3150-0", "Inhaled oxygen concentration", "%", "%", "vital-signs");
            case PAO2 -> new Coding("2703-7", "Oxygen [Partial pressure] in Arterial blood", "mm[Hg]", "mmHg",
                    "laboratory");
            case LACTATE -> new Coding("2524-7", "Lactate [Moles/volume] in Serum or Plasma", "mmol/L", "mmol/L",
                    "laboratory");
            case CREATININE -> new Coding("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL",
                    "laboratory");
            case BILIRUBIN -> new Coding("1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma", "mg/dL",
                    "mg/dL", "laboratory");
            case PLATELETS -> new Coding("777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL",
                    "10^3/uL", "laboratory");
            case WBC -> new Coding("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*3/uL",
                    "10^3/uL", "laboratory");
            case URINE_OUTPUT -> new Coding("9187-6", "Urine output", "mL", "mL", "vital-signs");
            case WEIGHT -> new Coding("29463-7", "Body weight", "kg", "kg", "vital-signs");
            default -> throw new IllegalArgumentException(feature.featureName()
                    + " is derived or static and is never charted as an Observation");
        };
    }
}

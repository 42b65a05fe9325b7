package dev.vigil.safety.contraindication;

/** Barcelona Clinic Liver Cancer stage, coded 0..4 as in the hcc-tace cohort. */
public enum BclcStage {
    STAGE_0("0"), A("A"), B("B"), C("C"), D("D");

    private final String label;

    BclcStage(String label) {
        this.label = label;
    }

    /** As written in FHIR (valueString), e.g. {@code 0} or {@code B}. */
    public String label() {
        return label;
    }

    /** 0..4: the value of the cohort's {@code bclc_stage} feature. */
    public int code() {
        return ordinal();
    }
}

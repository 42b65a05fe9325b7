package dev.vigil.worldmodel.synth;

/** The four NIfTI files of a patient, in {@code images/<key>/}. */
public enum ImageFile {
    PRE_CT("pre_ct.nii.gz", "Pre-treatment CT crop (HU)", true),
    PRE_MASK("pre_mask.nii.gz", "Pre-treatment tumour mask", true),
    POST_CT("post_ct.nii.gz", "Follow-up CT crop after TACE (HU)", false),
    POST_MASK("post_mask.nii.gz", "Follow-up tumour mask after TACE", false);

    private final String fileName;
    private final String description;
    private final boolean beforeTreatment;

    ImageFile(String fileName, String description, boolean beforeTreatment) {
        this.fileName = fileName;
        this.description = description;
        this.beforeTreatment = beforeTreatment;
    }

    public String fileName() {
        return fileName;
    }

    public String description() {
        return description;
    }

    public boolean beforeTreatment() {
        return beforeTreatment;
    }

    /** The path relative to the cohort directory, '/'-separated: {@code images/<key>/<file>}. */
    public String relativePath(String patientKey) {
        return "images/" + patientKey + "/" + fileName;
    }
}

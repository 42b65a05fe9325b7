package dev.vigil.api.tace;

/** Nothing to plan with: no world model has been trained yet (HTTP 409; exit code 2 on the command line). */
public class NoWorldModelException extends IllegalArgumentException {

    /** The command that makes one, as the message tells the user. */
    public static final String TRAIN_COMMAND = "./vigil worldmodel train --dataset DATASET_ID --images COHORT_DIR"
            + " --out BUNDLE_DIR";

    public NoWorldModelException() {
        super("No world model has been trained yet: train one on an ingested hcc-tace dataset with "
                + TRAIN_COMMAND);
    }
}

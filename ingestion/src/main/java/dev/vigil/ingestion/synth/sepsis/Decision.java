package dev.vigil.ingestion.synth.sepsis;

/**
 * A bloc's action and whether it was one of the clinician's deliberately unsafe choices.
 *
 * @param action the action taken
 * @param unsafeChoice {@link UnsafeChoice#NONE} for every policy other than the clinician's unsafe choices
 */
public record Decision(SepsisAction action, UnsafeChoice unsafeChoice) {

    public Decision {
        if (action == null || unsafeChoice == null) {
            throw new IllegalArgumentException("A decision needs an action and an unsafe-choice label (NONE if safe)");
        }
    }

    public static Decision safe(SepsisAction action) {
        return new Decision(action, UnsafeChoice.NONE);
    }
}

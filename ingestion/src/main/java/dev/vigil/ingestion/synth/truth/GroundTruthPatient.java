package dev.vigil.ingestion.synth.truth;

import dev.vigil.ingestion.synth.sepsis.LatentState;
import dev.vigil.ingestion.synth.sepsis.PatientParameters;
import java.util.List;

/**
 * One patient line of {@code ground-truth.ndjson}.
 *
 * @param patient 0-based index in the cohort
 * @param key {@code sepsis-<seed>-<index>}, also the Patient's identifier value
 * @param patientId the FHIR Patient id
 * @param windowStart FHIR dateTime of the window start (24 h before onset)
 * @param onset FHIR dateTime of onset (the Condition's onsetDateTime)
 * @param parameters demographics and hidden parameters
 * @param diedInWindow death inside the 18 blocs
 * @param deathBloc the bloc of that death, or -1
 * @param died90Days death within 90 days of onset (the cohort's outcome)
 * @param deathTime FHIR dateTime of death, or null
 * @param lateDeathProbability the true probability of death after the window, given survival to its end
 * @param totalReturn undiscounted return of the episode (SepsisReward)
 * @param blocs the treated blocs, in order
 * @param finalLatent the true state after the last treated bloc
 */
public record GroundTruthPatient(int patient, String key, String patientId, String windowStart, String onset,
        PatientParameters parameters, boolean diedInWindow, int deathBloc, boolean died90Days, String deathTime,
        double lateDeathProbability, double totalReturn, List<GroundTruthBloc> blocs, LatentState finalLatent) {

    public GroundTruthPatient {
        blocs = List.copyOf(blocs);
    }
}

package dev.vigil.worldmodel.synth;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a generated cohort holds, for the command line and tests.
 *
 * @param directory the cohort directory
 * @param patients number of patients
 * @param deaths deaths observed (the rest are censored)
 * @param heldOut patients flagged held out
 * @param contraindicated patients with at least one violated tace-contraindications rule
 * @param mostCommonGivenProtocol the clinician's most common protocol (label)
 * @param mostCommonGivenCount how many patients received it
 * @param clinicianChoseBest patients whose given protocol was their best
 * @param distinctBestProtocols number of different best protocols in the cohort
 * @param resources resources written per resource type
 */
public record HccCohortSummary(Path directory, int patients, int deaths, int heldOut, int contraindicated,
        String mostCommonGivenProtocol, int mostCommonGivenCount, int clinicianChoseBest, int distinctBestProtocols,
        Map<String, Long> resources) {

    public HccCohortSummary {
        resources = Map.copyOf(resources);
    }
}

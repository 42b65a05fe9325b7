package dev.vigil.ingestion.synth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a generation wrote, for the command line to print.
 *
 * @param directory the output directory
 * @param files the files written, FHIR files first, then the ground truth
 * @param resources resources per FHIR resource type, in file order
 * @param bytes total bytes written
 * @param patients patients generated
 * @param deathsInWindow deaths inside the 72-hour window
 * @param deathsWithin90Days deaths within 90 days of onset (the cohort's outcome)
 * @param decisions clinician decisions (blocs treated)
 * @param unsafeDecisions decisions that were unsafe choices
 * @param elapsed wall time
 */
public record SepsisCohortSummary(Path directory, List<Path> files, Map<String, Long> resources, long bytes,
        int patients, int deathsInWindow, int deathsWithin90Days, long decisions, long unsafeDecisions,
        Duration elapsed) {

    public SepsisCohortSummary {
        files = List.copyOf(files);
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    }
}

package dev.vigil.offlinerl.algo;

import java.util.List;
import java.util.Map;

/**
 * What fitting found besides the policy itself, so that a report can say where the policy is not learned.
 *
 * @param summary final figures, e.g. {@code empiricalReturn}, {@code lambdaCost}, {@code oodShare}
 * @param uniformStates states never seen in the data: the policy is uniform there
 * @param fallbackStates states seen in the data but with no action in support: the policy takes the
 *     behaviour policy's most frequent action there (OGSRL in forbid mode)
 */
public record FitReport(Map<String, Double> summary, List<Integer> uniformStates, List<Integer> fallbackStates) {

    public FitReport {
        summary = Map.copyOf(summary == null ? Map.of() : summary);
        uniformStates = List.copyOf(uniformStates == null ? List.of() : uniformStates);
        fallbackStates = List.copyOf(fallbackStates == null ? List.of() : fallbackStates);
    }
}

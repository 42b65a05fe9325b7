package dev.vigil.worldmodel.evaluation;

import dev.vigil.worldmodel.protocol.TaceComponent;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.util.EnumSet;
import java.util.Set;

/**
 * MeWM's protocol-selection metrics for one patient, on component sets (chosen C, true best B):
 * precision |C ∩ B| / |C|, recall |C ∩ B| / |B|, F1 their harmonic mean (0 when both are 0),
 * Jaccard |C ∩ B| / |C ∪ B|; plus top-1 (C = B) and regret = E[T | B] - E[T | C] in days.
 */
public record SelectionScores(double precision, double recall, double f1, double jaccard, boolean top1,
        double regretDays) {

    /** Scores a choice against the true best protocol and the true expected survival of both. */
    public static SelectionScores of(TaceProtocol chosen, TaceProtocol best, double chosenDays, double bestDays) {
        Set<TaceComponent> c = EnumSet.copyOf(chosen.components());
        Set<TaceComponent> b = EnumSet.copyOf(best.components());
        Set<TaceComponent> both = EnumSet.copyOf(c);
        both.retainAll(b);
        Set<TaceComponent> union = EnumSet.copyOf(c);
        union.addAll(b);
        double precision = (double) both.size() / c.size();
        double recall = (double) both.size() / b.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double jaccard = (double) both.size() / union.size();
        return new SelectionScores(precision, recall, f1, jaccard, c.equals(b), bestDays - chosenDays);
    }
}

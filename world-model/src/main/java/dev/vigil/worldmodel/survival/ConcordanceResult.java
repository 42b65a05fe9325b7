package dev.vigil.worldmodel.survival;

/**
 * A concordance index with the (weighted) pair counts behind it.
 *
 * @param index (concordant + tiedRisk / 2) / (concordant + discordant + tiedRisk)
 * @param concordant comparable pairs where the subject with the earlier event has the higher risk
 * @param discordant comparable pairs where it has the lower risk
 * @param tiedRisk comparable pairs with equal risk, counted one half
 * @param tiedTime pairs of events at the same time (not comparable; reported as R does)
 */
public record ConcordanceResult(double index, double concordant, double discordant, double tiedRisk,
        double tiedTime) {}

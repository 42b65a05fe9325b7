package dev.vigil.worldmodel.evaluation;

import dev.vigil.worldmodel.planner.TacePlanner;
import dev.vigil.worldmodel.planner.TrainingCase;
import dev.vigil.worldmodel.volume.Mask;
import dev.vigil.worldmodel.volume.Overlap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Simulation quality on held-out patients (issue 5 item 5): the world model's mean simulated post-treatment
 * mask under the GIVEN protocol against the true follow-up mask, next to a no-change baseline (the
 * pre-treatment mask) and the average-shrinkage-per-protocol baseline ({@link ShrinkageBaseline}).
 */
public final class SimulationQuality {

    /**
     * One method's summary.
     *
     * @param method name
     * @param patients cases scored
     * @param meanDice mean Dice against the true post mask
     * @param medianDice median Dice
     * @param meanAbsVolumeError mean |V_pred - V_true| / V_true over cases whose true post tumour is not empty
     * @param meanVolumeError mean signed relative volume error over the same cases
     */
    public record Row(String method, int patients, double meanDice, double medianDice, double meanAbsVolumeError,
            double meanVolumeError) {}

    private SimulationQuality() {}

    /** The three rows: world model, no change, average shrinkage per protocol. */
    public static List<Row> evaluate(TacePlanner planner, List<TrainingCase> heldOut, List<TrainingCase> training) {
        ShrinkageBaseline shrinkage = new ShrinkageBaseline(training);
        List<Overlap.Report> model = new ArrayList<>();
        List<Overlap.Report> noChange = new ArrayList<>();
        List<Overlap.Report> average = new ArrayList<>();
        for (TrainingCase c : heldOut) {
            Mask truth = c.postMask();
            model.add(Overlap.compare(planner.simulate(c.pre(), c.given()).postMask(), truth));
            noChange.add(Overlap.compare(c.pre().preMask(), truth));
            average.add(Overlap.compare(shrinkage.predict(c.pre().preMask(), c.given()), truth));
        }
        return List.of(row("World model (mean of K simulations)", model), row("No change (pre-treatment mask)",
                noChange), row("Average shrinkage per protocol", average));
    }

    static Row row(String method, List<Overlap.Report> reports) {
        double[] dice = reports.stream().mapToDouble(Overlap.Report::dice).toArray();
        double[] errors = reports.stream().mapToDouble(Overlap.Report::relativeVolumeError)
                .filter(Double::isFinite).toArray();
        Arrays.sort(dice);
        int n = dice.length;
        double median = n == 0 ? Double.NaN : n % 2 == 1 ? dice[n / 2] : (dice[n / 2 - 1] + dice[n / 2]) / 2;
        return new Row(method, n, Arrays.stream(dice).average().orElse(Double.NaN), median,
                Arrays.stream(errors).map(Math::abs).average().orElse(Double.NaN),
                Arrays.stream(errors).average().orElse(Double.NaN));
    }
}

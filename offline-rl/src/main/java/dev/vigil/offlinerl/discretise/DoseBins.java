package dev.vigil.offlinerl.discretise;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import java.util.ArrayList;
import java.util.List;

/**
 * The joint action grid of the AI Clinician: each continuous action binned by {@link ActionBins}, joint id = the
 * product grid in schema order, the first action most significant. For IV fluid x vasopressor with 5 bins each:
 * {@code id = 5 * fluidBin + vasopressorBin}, 25 ids.
 *
 * @param actions one entry per continuous action, in schema order
 */
public record DoseBins(List<ActionBins> actions) {

    public DoseBins {
        if (actions == null || actions.isEmpty()) {
            throw new IllegalArgumentException("Dose bins need at least one action");
        }
        actions = List.copyOf(actions);
    }

    /** Bins fitted on every step of the dataset (continuous actions only). */
    public static DoseBins fit(TrajectoryDataset data) {
        int width = data.schema().actions().size();
        List<double[]> columns = new ArrayList<>();
        long steps = data.totalSteps();
        for (int a = 0; a < width; a++) {
            columns.add(new double[Math.toIntExact(steps)]);
        }
        int i = 0;
        for (Episode e : data.episodes()) {
            ContinuousActions actions = (ContinuousActions) e.actions();
            for (int t = 0; t < e.steps(); t++, i++) {
                for (int a = 0; a < width; a++) {
                    columns.get(a)[i] = actions.value(t, a);
                }
            }
        }
        List<ActionBins> bins = new ArrayList<>();
        for (int a = 0; a < width; a++) {
            bins.add(ActionBins.fit(data.schema().actions().get(a).name(), columns.get(a)));
        }
        return new DoseBins(bins);
    }

    /** Number of joint action ids. */
    public int size() {
        int n = 1;
        for (ActionBins a : actions) {
            n *= a.count();
        }
        return n;
    }

    /** The joint id of a dose vector. */
    public int id(double[] doses) {
        if (doses == null || doses.length != actions.size()) {
            throw new IllegalArgumentException("A dose vector needs " + actions.size() + " doses");
        }
        int id = 0;
        for (int a = 0; a < actions.size(); a++) {
            id = id * actions.get(a).count() + actions.get(a).bin(doses[a]);
        }
        return id;
    }

    /** The per-action bins of a joint id. */
    public int[] bins(int id) {
        if (id < 0 || id >= size()) {
            throw new IllegalArgumentException("Action id " + id + " is out of range 0.." + (size() - 1));
        }
        int[] b = new int[actions.size()];
        for (int a = actions.size() - 1; a >= 0; a--) {
            b[a] = id % actions.get(a).count();
            id /= actions.get(a).count();
        }
        return b;
    }

    /** The representative doses (each bin's median) of a joint id, shape (actions). */
    public double[] doses(int id) {
        int[] b = bins(id);
        double[] d = new double[b.length];
        for (int a = 0; a < b.length; a++) {
            d[a] = actions.get(a).dose(b[a]);
        }
        return d;
    }
}

package dev.vigil.offlinerl.simulator.sepsis;

import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.tabular.TabularPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The view a learner gets: diabetes hidden, 720 observed states. Data are simulated on the full MDP and then
 * projected; policies on observed states are lifted to the full MDP to compute their exact value.
 */
public final class SepsisObservation {

    private SepsisObservation() {
    }

    /** The observed index (0..719) of full MDP state {@code state} (0..1439). */
    public static int observe(int state) {
        if (state < 0 || state >= SepsisState.FULL_COUNT) {
            throw new IllegalArgumentException("Only full states 0..1439 are observed; state " + state + " is "
                    + (state == SepsisMdp.DEATH || state == SepsisMdp.DISCHARGE ? "absorbing" : "out of range"));
        }
        return state % SepsisState.OBSERVED_COUNT;
    }

    /**
     * The same episodes with each full state id replaced by its observed id; the schema gets 720 states and
     * the name {@code <name>-observed}.
     *
     * @throws IllegalArgumentException when the dataset's states are not the full sepsis MDP's
     */
    public static TrajectoryDataset hideDiabetes(TrajectoryDataset full) {
        DatasetSchema schema = full.schema();
        if (!schema.stateType().isDiscrete() || schema.stateType().size() > SepsisMdp.STATE_COUNT) {
            throw new IllegalArgumentException("Dataset " + schema.name() + " does not hold full sepsis MDP states "
                    + "(discrete, at most " + SepsisMdp.STATE_COUNT + " ids); simulate it from SepsisMdp");
        }
        List<Episode> episodes = new ArrayList<>();
        for (Episode e : full.episodes()) {
            int[] ids = ((DiscreteStates) e.states()).ids();
            for (int t = 0; t < ids.length; t++) {
                ids[t] = observe(ids[t]);
            }
            episodes.add(new Episode(e.id(), new DiscreteStates(ids), e.actions(), e.rewards(), e.costs(), e.outcome(),
                    e.provenance(), e.imaging()));
        }
        DatasetSchema observed = new DatasetSchema(schema.name() + "-observed",
                SpaceType.discrete(SepsisState.OBSERVED_COUNT), List.of(), schema.actionType(), List.of(),
                schema.hasRewards(), schema.hasCosts(), schema.cohortSpecId(), schema.cohortSpecVersion(),
                schema.blocLength());
        return new TrajectoryDataset(observed, episodes);
    }

    /**
     * A policy on the 720 observed states as a policy on the 1442 MDP states: both diabetic and
     * non-diabetic patients get the observed state's row (absorbing states, never acted in, get uniform rows).
     */
    public static TabularPolicy lift(TabularPolicy observed) {
        if (observed.stateCount() != SepsisState.OBSERVED_COUNT || observed.actionCount() != SepsisAction.COUNT) {
            throw new IllegalArgumentException("An observed sepsis policy has shape (720, 8), got ("
                    + observed.stateCount() + ", " + observed.actionCount() + ")");
        }
        double[][] p = new double[SepsisMdp.STATE_COUNT][];
        for (int s = 0; s < SepsisMdp.STATE_COUNT; s++) {
            if (s < SepsisState.FULL_COUNT) {
                p[s] = observed.row(observe(s));
            } else {
                p[s] = new double[SepsisAction.COUNT];
                java.util.Arrays.fill(p[s], 1.0 / SepsisAction.COUNT);
            }
        }
        return new TabularPolicy(p);
    }

    /**
     * The observed-state policy that acts as {@code full} does for a patient of the given diabetes status;
     * e.g. the full optimal policy's choice for non-diabetics, a policy a learner could actually deploy.
     */
    public static TabularPolicy restrict(TabularPolicy full, boolean diabetic) {
        if (full.stateCount() != SepsisMdp.STATE_COUNT) {
            throw new IllegalArgumentException("A full sepsis policy has " + SepsisMdp.STATE_COUNT + " states, got "
                    + full.stateCount());
        }
        double[][] p = new double[SepsisState.OBSERVED_COUNT][];
        for (int o = 0; o < p.length; o++) {
            p[o] = full.row((diabetic ? SepsisState.OBSERVED_COUNT : 0) + o);
        }
        return new TabularPolicy(p);
    }
}

package dev.vigil.offlinerl.simulator.sepsis;

import dev.vigil.offlinerl.tabular.Objective;
import dev.vigil.offlinerl.tabular.TabularMdp;
import dev.vigil.offlinerl.tabular.TransitionRow;
import java.util.Map;

/**
 * The exact tabular MDP of the simulator, enumerated from the same rules the sampler runs.
 *
 * <p>States 0..1439 are full states ({@link SepsisState#fullIndex()}, diabetic flag included); 1440 is death
 * and 1441 discharge, both absorbing. A step that reaches a death or discharge configuration moves to the
 * matching absorbing state with reward -1 or +1; every other step has reward 0. Full states that are
 * themselves death or discharge configurations can never be occupied (entering one ends the episode and
 * episodes never start in one), so they are marked absorbing too.
 */
public final class SepsisMdp {

    /** States of the MDP: 1440 full states and the two absorbing ones. */
    public static final int STATE_COUNT = SepsisState.FULL_COUNT + 2;
    /** The absorbing death state. */
    public static final int DEATH = SepsisState.FULL_COUNT;
    /** The absorbing discharge state. */
    public static final int DISCHARGE = SepsisState.FULL_COUNT + 1;

    private SepsisMdp() {
    }

    /** The published planning objective: discount 0.99, no horizon. */
    public static Objective planningObjective() {
        return Objective.discounted(0.99);
    }

    /** The published reporting objective: undiscounted return over at most 20 steps. */
    public static Objective reportingObjective() {
        return Objective.finiteHorizon(SepsisSimulator.HORIZON, 1.0);
    }

    /** Enumerates the MDP (about a second); reuse it with {@link TabularMdp#withObjective(Objective)}. */
    public static TabularMdp build(Objective objective) {
        TransitionRow[][] rows = new TransitionRow[STATE_COUNT][];
        boolean[] absorbing = new boolean[STATE_COUNT];
        absorbing[DEATH] = true;
        absorbing[DISCHARGE] = true;
        for (int s = 0; s < SepsisState.FULL_COUNT; s++) {
            SepsisState state = SepsisState.fromFullIndex(s);
            if (state.isTerminal()) {
                absorbing[s] = true;
                continue;
            }
            rows[s] = new TransitionRow[SepsisAction.COUNT];
            for (int a = 0; a < SepsisAction.COUNT; a++) {
                SepsisAction action = SepsisAction.fromIndex(a);
                rows[s][a] = toRow(ChanceEnumerator.distribution(
                        chance -> stateId(SepsisDynamics.next(state, action, chance))));
            }
        }
        return new TabularMdp(STATE_COUNT, SepsisAction.COUNT, rows, initialDistribution(), absorbing, objective);
    }

    /** The MDP state a simulator state maps to: its full index, or death / discharge when terminal. */
    public static int stateId(SepsisState state) {
        if (state.isDeath()) {
            return DEATH;
        }
        if (state.isDischarge()) {
            return DISCHARGE;
        }
        return state.fullIndex();
    }

    /** The exact distribution of {@link SepsisSimulator#reset}: the draw conditioned on not being terminal. */
    static double[] initialDistribution() {
        Map<Integer, Double> draws = ChanceEnumerator.distribution(chance -> {
            SepsisState state = SepsisDynamics.initialDraw(chance);
            return state.isTerminal() ? -1 : state.fullIndex();
        });
        double kept = 0;
        for (Map.Entry<Integer, Double> e : draws.entrySet()) {
            if (e.getKey() >= 0) {
                kept += e.getValue();
            }
        }
        double[] initial = new double[STATE_COUNT];
        for (Map.Entry<Integer, Double> e : draws.entrySet()) {
            if (e.getKey() >= 0) {
                initial[e.getKey()] = e.getValue() / kept;
            }
        }
        return initial;
    }

    private static TransitionRow toRow(Map<Integer, Double> distribution) {
        int[] next = new int[distribution.size()];
        double[] p = new double[next.length];
        double[] r = new double[next.length];
        int i = 0;
        for (Map.Entry<Integer, Double> e : distribution.entrySet()) {
            next[i] = e.getKey();
            p[i] = e.getValue();
            r[i] = next[i] == DEATH ? -1 : next[i] == DISCHARGE ? 1 : 0;
            i++;
        }
        return new TransitionRow(next, p, r);
    }
}

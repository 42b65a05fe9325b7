package dev.vigil.offlinerl.ope;

import dev.vigil.ingestion.dataset.DiscreteActions;
import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.tabular.TabularPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates the behaviour policy of a tabular dataset from action counts per state, with an epsilon floor:
 * in a state seen n times, an action logged c times gets {@code (1 - k * epsilon) * c / n} and each of the k
 * actions never logged there gets {@code epsilon}. Without the floor, an evaluation policy that takes an
 * action the logging clinicians never took in that state (e.g. on held-out data) would need an infinite
 * importance ratio. The AI Clinician (Komorowski et al. 2018) softens with 0.01 in the same spirit; it spreads
 * 0.01 over the unseen actions and subtracts it evenly from the seen ones, which can go negative, so we keep
 * the seen actions' proportions instead.
 *
 * @param epsilonFloor probability of each unseen action, in [0, 1/(A-1)); 0 turns the floor off
 */
public record BehaviourPolicyEstimator(double epsilonFloor) {

    public BehaviourPolicyEstimator {
        if (!(epsilonFloor >= 0 && epsilonFloor < 1)) {
            throw new IllegalArgumentException("The epsilon floor must be in [0, 1), e.g. 0.01; got " + epsilonFloor);
        }
    }

    /**
     * @throws IllegalArgumentException when the dataset's states or actions are not discrete, or the floor leaves
     *     no probability for the seen actions
     */
    public BehaviourEstimate estimate(TrajectoryDataset data) {
        if (!data.schema().stateType().isDiscrete() || !data.schema().actionType().isDiscrete()) {
            throw new IllegalArgumentException("Dataset " + data.schema().name() + " needs discrete states and actions "
                    + "to count actions per state");
        }
        int states = data.schema().stateType().size();
        int actions = data.schema().actionType().size();
        if (epsilonFloor * (actions - 1) >= 1) {
            throw new IllegalArgumentException("An epsilon floor of " + epsilonFloor + " on up to " + (actions - 1)
                    + " unseen actions leaves nothing for the seen one; use a floor below " + 1.0 / (actions - 1));
        }
        int[][] counts = new int[states][actions];
        for (Episode e : data.episodes()) {
            DiscreteStates s = (DiscreteStates) e.states();
            DiscreteActions a = (DiscreteActions) e.actions();
            for (int t = 0; t < e.steps(); t++) {
                counts[s.id(t)][a.id(t)]++;
            }
        }
        double[][] p = new double[states][actions];
        List<FlooredAction> floored = new ArrayList<>();
        List<Integer> unseen = new ArrayList<>();
        for (int s = 0; s < states; s++) {
            int total = 0;
            int unseenActions = 0;
            for (int a = 0; a < actions; a++) {
                total += counts[s][a];
                unseenActions += counts[s][a] == 0 ? 1 : 0;
            }
            if (total == 0) {
                unseen.add(s);
                java.util.Arrays.fill(p[s], 1.0 / actions);
                continue;
            }
            double seenMass = 1 - unseenActions * epsilonFloor;
            for (int a = 0; a < actions; a++) {
                if (counts[s][a] > 0) {
                    p[s][a] = seenMass * counts[s][a] / total;
                } else {
                    p[s][a] = epsilonFloor;
                    if (epsilonFloor > 0) {
                        floored.add(new FlooredAction(s, a));
                    }
                }
            }
        }
        return new BehaviourEstimate(new TabularPolicy(p), counts, epsilonFloor, floored, unseen);
    }
}

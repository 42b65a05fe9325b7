package dev.vigil.offlinerl.discretise;

import dev.vigil.ingestion.dataset.Episode;

import dev.vigil.ingestion.dataset.TrajectoryDataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.algo.TrainedPolicy;

/**
 * OGSRL's policy on discretised data: a {@link TrainedPolicy} over cluster ids and joint dose-bin ids, plus the
 * {@link StateClusters} and {@link DoseBins} that map raw features to a cluster and a bin to doses. A JSON-able
 * record ({@link #toJson()}, {@link #fromJson(String)}): everything needed to act is in it.
 *
 * @param probabilities pi(a | s), shape (states, actions)
 * @param clusters the k-means states, or null when the data's states were already discrete ids
 * @param bins the dose bins, or null when the data's actions were already discrete ids
 * @param discretisation how the data was made tabular, where rewards and costs came from
 * @param provenance the {@code ogsrl} config (with its discretisation), the original dataset's hash, the rule set
 * @param report tabular OGSRL's report on the discretised data, plus {@code costsInData}, {@code costsFromRuleSet},
 *     {@code rewardsInData}
 */
public record DiscretisedPolicy(double[][] probabilities, StateClusters clusters, DoseBins bins,
        DiscretisationReport discretisation, PolicyProvenance provenance, FitReport report)
        implements TrainedPolicy, StatePolicy {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .build();

    public DiscretisedPolicy {
        if (probabilities == null || probabilities.length == 0 || discretisation == null || provenance == null
                || report == null) {
            throw new IllegalArgumentException("A discretised policy needs its table, discretisation, provenance and "
                    + "report");
        }
        if (clusters != null && clusters.k() != probabilities.length) {
            throw new IllegalArgumentException("The table has " + probabilities.length + " states but the clusters "
                    + clusters.k());
        }
        if (bins != null && bins.size() != probabilities[0].length) {
            throw new IllegalArgumentException("The table has " + probabilities[0].length + " actions but the dose "
                    + "bins " + bins.size());
        }
        double[][] copy = new double[probabilities.length][];
        for (int s = 0; s < copy.length; s++) {
            copy[s] = probabilities[s].clone();
        }
        probabilities = copy;
    }

    @Override
    public double[][] probabilities() {
        double[][] copy = new double[probabilities.length][];
        for (int s = 0; s < copy.length; s++) {
            copy[s] = probabilities[s].clone();
        }
        return copy;
    }

    @Override
    public int stateCount() {
        return probabilities.length;
    }

    @Override
    public int actionCount() {
        return probabilities[0].length;
    }

    @Override
    public double[] actionProbabilities(int state) {
        if (state < 0 || state >= probabilities.length) {
            throw new IllegalArgumentException("State " + state + " is out of range: the policy has states 0.."
                    + (probabilities.length - 1));
        }
        return probabilities[state].clone();
    }

    /** The cluster id of a raw feature vector. */
    public int stateId(double[] state) {
        if (clusters == null) {
            throw new IllegalStateException("This policy was trained on discrete state ids: call "
                    + "actionProbabilities(int) with the id");
        }
        return clusters.assign(state);
    }

    @Override
    public double[] actionProbabilities(double[] state) {
        return actionProbabilities(stateId(state));
    }

    @Override
    public int actionIdFor(double[] state) {
        double[] p = actionProbabilities(state);
        int best = 0;
        for (int a = 1; a < p.length; a++) {
            if (p[a] > p[best]) {
                best = a;
            }
        }
        return best;
    }

    @Override
    public double[] actionFor(double[] state) {
        return doses(actionIdFor(state));
    }

    /** The representative doses of a joint action id. */
    public double[] doses(int actionId) {
        if (bins == null) {
            throw new IllegalStateException("This policy was trained on discrete action ids: it has no doses; use "
                    + "the action id itself");
        }
        return bins.doses(actionId);
    }

    /** The policy as canonical JSON (fields sorted by name). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the discretised policy as JSON", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not a discretised policy
     */
    public static DiscretisedPolicy fromJson(String json) {
        try {
            return JSON.readValue(json, DiscretisedPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a discretised policy: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * {@code data} in this policy's tabular space: states as its cluster ids, actions as its joint dose-bin ids,
     * and the data's own rewards or, when it has none, the terminal outcome reward (+1 survival, -1 death, as
     * {@link DiscretisedOgsrlConfig} defaults). This is the data an offline evaluation of the policy reads.
     */
    public TrajectoryDataset discretise(TrajectoryDataset data) {
        java.util.List<double[]> rewards = new java.util.ArrayList<>();
        for (Episode e : data.episodes()) {
            rewards.add(data.schema().hasRewards() ? e.rewards()
                    : dev.vigil.offlinerl.objective.TrainingRewards.outcome(e,
                            DiscretisedOgsrlConfig.defaults().survivalReward(),
                            DiscretisedOgsrlConfig.defaults().deathReward()));
        }
        return DiscretisedData.build(data, clusters, bins, null, rewards);
    }
}

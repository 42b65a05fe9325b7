package dev.vigil.offlinerl.objective;

import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-step training rewards of a dataset, chosen by a config's {@code reward} field:
 * <ul>
 *   <li>the data's own reward column whenever it has one (the field is then ignored);</li>
 *   <li>{@value #OUTCOME}: the terminal outcome only (survival / death reward on the last step, 0 elsewhere);</li>
 *   <li>{@value #SOFA}: OGSRL's reward, {@link SofaStepReward} (per-step SOFA plus the terminal outcome); refused,
 *       naming the missing column, when the data lacks the score's features;</li>
 *   <li>{@value #AUTO} (the default): {@value #SOFA} when the data has the score's columns (the {@code icu-sepsis}
 *       cohort), else {@value #OUTCOME}.</li>
 * </ul>
 */
public final class TrainingRewards {

    public static final String AUTO = "auto";
    public static final String OUTCOME = "outcome";
    public static final String SOFA = "sofa";
    /** The accepted values of a {@code reward} field. */
    public static final List<String> CHOICES = List.of(AUTO, OUTCOME, SOFA);

    /**
     * @param source what was used: {@code data}, {@value #OUTCOME} or {@value #SOFA}
     * @param perEpisode per episode, each logged step's reward (SOFA: a death in the window padded to the window's
     *     end, as the simulator scores it)
     * @param rollout the same for fixed-length model rollouts: SOFA without the death padding, whose role the frozen
     *     remainder takes; else {@code perEpisode}
     * @param frozen per episode, the reward of each rollout step left after reaching its last step
     *     ({@link SofaStepReward#frozenReward}; 0 for outcome and data rewards)
     */
    public record Rewards(String source, List<double[]> perEpisode, List<double[]> rollout, double[] frozen) {
    }

    private TrainingRewards() {
    }

    /**
     * @throws IllegalArgumentException naming the field and the accepted values
     */
    public static void validate(String reward) {
        if (reward == null || !CHOICES.contains(reward)) {
            throw new IllegalArgumentException("reward is '" + reward + "'; use one of " + CHOICES + " (auto = sofa "
                    + "when the data has the SOFA columns, else outcome)");
        }
    }

    /** The source {@link #of} would use, without computing the rewards. */
    public static String source(TrajectoryDataset data, String reward) {
        validate(reward);
        if (data.schema().hasRewards()) {
            return "data";
        }
        if (AUTO.equals(reward)) {
            return SofaStepReward.fits(data.schema()) && !data.schema().stateType().isDiscrete()
                    && !data.schema().actionType().isDiscrete() ? SOFA : OUTCOME;
        }
        return reward;
    }

    /**
     * Per episode, the reward of each step.
     *
     * @throws IllegalArgumentException for an unknown {@code reward}, or {@value #SOFA} on data without its columns
     */
    public static Rewards of(TrajectoryDataset data, String reward, double survivalReward, double deathReward) {
        String source = source(data, reward);
        List<double[]> out = new ArrayList<>(data.episodes().size());
        double[] frozen = new double[data.episodes().size()];
        switch (source) {
            case "data" -> data.episodes().forEach(e -> out.add(e.rewards()));
            case SOFA -> {
                SofaStepReward sofa = SofaStepReward.forSchema(data.schema());
                int horizon = data.episodes().stream().mapToInt(Episode::steps).max().orElse(1);
                List<double[]> rollout = new ArrayList<>(data.episodes().size());
                for (int i = 0; i < frozen.length; i++) {
                    Episode e = data.episodes().get(i);
                    out.add(sofa.episodeRewards(e, horizon, survivalReward, deathReward, true));
                    rollout.add(sofa.episodeRewards(e, horizon, survivalReward, deathReward, false));
                    frozen[i] = sofa.frozenReward(e, horizon);
                }
                return new Rewards(source, out, rollout, frozen);
            }
            default -> data.episodes().forEach(e -> out.add(outcome(e, survivalReward, deathReward)));
        }
        return new Rewards(source, out, out, frozen);
    }

    /** Terminal outcome reward on the last step, 0 elsewhere (0 everywhere when the outcome is unknown). */
    public static double[] outcome(Episode e, double survivalReward, double deathReward) {
        double[] r = new double[e.steps()];
        if (e.outcome() != null && e.steps() > 0) {
            r[e.steps() - 1] = e.outcome().event() ? deathReward : survivalReward;
        }
        return r;
    }
}

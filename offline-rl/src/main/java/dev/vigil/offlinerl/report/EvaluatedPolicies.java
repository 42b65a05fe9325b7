package dev.vigil.offlinerl.report;

import dev.vigil.offlinerl.algo.TrainedPolicy;
import dev.vigil.offlinerl.algo.continuous.ContinuousPolicy;
import dev.vigil.offlinerl.discretise.DiscretisedPolicy;
import dev.vigil.offlinerl.discretise.DoseBins;
import java.util.Arrays;

/** Adapters from the policy kinds Vigil trains to {@link EvaluatedPolicy}. */
public final class EvaluatedPolicies {

    /** The AI Clinician's softening of its deterministic policy for importance sampling. */
    public static final double DEFAULT_EPSILON = 0.01;

    private EvaluatedPolicies() {
    }

    /**
     * A discretised ({@code ogsrl} on continuous data) policy: it maps the raw state to its own cluster and answers
     * with its table row; recommended doses are its most probable bin's representative doses. Its dose bins must be
     * the report space's (they are when the space is {@link EvaluationSpace#of(DiscretisedPolicy)}).
     */
    public static EvaluatedPolicy of(String name, DiscretisedPolicy policy) {
        return new EvaluatedPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] actionProbabilities(LoggedStep step) {
                return step.state() == null || policy.clusters() == null ? policy.actionProbabilities(step.stateId())
                        : policy.actionProbabilities(step.state());
            }

            @Override
            public double[] recommendedDoses(LoggedStep step) {
                return policy.bins() == null ? null : policy.doses(recommendedActionId(step));
            }
        };
    }

    /**
     * {@code policy} mixed with the uniform policy: {@code (1 - epsilon) pi(a | s) + epsilon / A}, recommending what
     * {@code policy} recommends. Deterministic policies followed over many steps give almost every logged episode a
     * trajectory weight of exactly 0, which leaves WIS undefined; the AI Clinician softens its policy the same way
     * (epsilon 0.01) before importance sampling. The report's notes should say so ({@link
     * EvaluationReportBuilder#note}).
     */
    public static EvaluatedPolicy softened(EvaluatedPolicy policy, double epsilon) {
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("Policy " + policy.name() + ": epsilon must be in [0, 1), got "
                    + epsilon);
        }
        return new EvaluatedPolicy() {
            @Override
            public String name() {
                return policy.name();
            }

            @Override
            public double[] actionProbabilities(LoggedStep step) {
                double[] p = policy.actionProbabilities(step);
                double[] q = new double[p.length];
                for (int a = 0; a < p.length; a++) {
                    q[a] = (1 - epsilon) * p[a] + epsilon / p.length;
                }
                return q;
            }

            @Override
            public double[] recommendedDoses(LoggedStep step) {
                return policy.recommendedDoses(step);
            }

            @Override
            public int recommendedActionId(LoggedStep step) {
                return policy.recommendedActionId(step);
            }
        };
    }

    /** A stored tabular policy (the rows of a discrete run's policy document) over the dataset's own ids. */
    public static EvaluatedPolicy of(String name, dev.vigil.offlinerl.tabular.TabularPolicy policy) {
        return new EvaluatedPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] actionProbabilities(LoggedStep step) {
                return policy.row(step.stateId());
            }

            @Override
            public double[] recommendedDoses(LoggedStep step) {
                return null;
            }
        };
    }

    /**
     * A tabular policy over the report space's state ids (e.g. BC or CQL on discrete data).
     *
     * @param bins the report space's dose bins, to give doses for its action ids; null when actions are plain ids
     */
    public static EvaluatedPolicy of(String name, TrainedPolicy policy, DoseBins bins) {
        return new EvaluatedPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] actionProbabilities(LoggedStep step) {
                return policy.actionProbabilities(step.stateId());
            }

            @Override
            public double[] recommendedDoses(LoggedStep step) {
                return bins == null ? null : bins.doses(recommendedActionId(step));
            }
        };
    }

    /**
     * A continuous policy, softened into the report space's joint dose bins because importance sampling needs
     * probabilities: its deterministic action {@code act(state)} is binned with {@code bins} to id {@code b}, and
     * {@code pi(a | s) = (1 - epsilon) [a == b] + epsilon / A} (A joint ids). So the recommended bin keeps
     * {@code 1 - epsilon + epsilon / A} and every other bin {@code epsilon / A}: the policy's weight on a logged step
     * is large where the clinicians' dose fell in its bin and small elsewhere, never zero.
     *
     * @param fill replaces NaN (missing) features before the policy sees the state, e.g. the space's
     *     {@code clusters().fill()} or {@code DynamicsData.featureMeans()}: continuous policies reject NaN
     * @param epsilon in [0, 1), {@link #DEFAULT_EPSILON} by default
     */
    public static EvaluatedPolicy of(String name, ContinuousPolicy policy, DoseBins bins, double[] fill,
            double epsilon) {
        if (bins == null) {
            throw new IllegalArgumentException("Policy " + name + ": a continuous policy needs the dose bins to be "
                    + "softened into");
        }
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("Policy " + name + ": epsilon must be in [0, 1), got " + epsilon);
        }
        if (fill == null || fill.length != policy.stateDimension()) {
            throw new IllegalArgumentException("Policy " + name + ": fill values need one entry per state feature ("
                    + policy.stateDimension() + ")");
        }
        if (policy.actionDimension() != bins.actions().size()) {
            throw new IllegalArgumentException("Policy " + name + " returns " + policy.actionDimension()
                    + " doses but the dose bins have " + bins.actions().size() + " actions");
        }
        double[] filler = fill.clone();
        int size = bins.size();
        return new EvaluatedPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] actionProbabilities(LoggedStep step) {
                double[] p = new double[size];
                Arrays.fill(p, epsilon / size);
                p[recommendedActionId(step)] += 1 - epsilon;
                return p;
            }

            @Override
            public double[] recommendedDoses(LoggedStep step) {
                if (step.state() == null) {
                    throw new IllegalArgumentException("Policy " + name + " needs continuous states; episode "
                            + step.episode() + " step " + step.step() + " has none");
                }
                double[] x = step.state().clone();
                for (int f = 0; f < x.length; f++) {
                    if (Double.isNaN(x[f])) {
                        x[f] = filler[f];
                    }
                }
                return policy.act(x);
            }

            @Override
            public int recommendedActionId(LoggedStep step) {
                return bins.id(recommendedDoses(step));
            }
        };
    }
}

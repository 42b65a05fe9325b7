package dev.vigil.offlinerl.algo.continuous;

/**
 * One natural-gradient policy step on a batch: TRPO (Schulman et al. 2015) and the simplified CPO (Achiam et al.
 * 2017) as OGSRL released them. The search direction solves {@code (F + damping I) x = g} by conjugate gradient
 * with exact Fisher-vector products; the backtracking line search tries {@code decay^i} of the full step and takes
 * the first that keeps the mean KL within {@code maxKl} and passes the objective test (below); if none does, the
 * policy is left unchanged.
 *
 * <p>Surrogates are per episode: {@code L(theta) = (1/E) sum_steps ratio_t A_t} with {@code ratio_t =
 * pi_theta(a_t|s_t) / pi_old(a_t|s_t)} and E episodes, so the cost surrogate's change is a change of the expected
 * cost per episode and is comparable with the budget.
 */
public final class TrustRegionUpdate {

    /**
     * @param maxKl the trust region (0.01)
     * @param damping added to the Fisher (1.0 as released)
     * @param cgIterations conjugate-gradient iterations (10)
     * @param lineSearchSteps backtracking steps (30)
     * @param lineSearchDecay shrink factor per step (0.8)
     */
    public record Settings(double maxKl, double damping, int cgIterations, int lineSearchSteps,
            double lineSearchDecay) {
    }

    /**
     * What a step did.
     *
     * @param accepted whether a line-search step was taken
     * @param backtracks how many halvings (decays) before acceptance; {@code lineSearchSteps} when rejected
     * @param kl mean KL(old || new) after the step (0 when rejected)
     * @param surrogateGain the reward surrogate's change
     * @param costSurrogateGain the cost surrogate's change (CPO; else 0)
     * @param cpoCase CPO's case: 0 infeasible (recovery), 1-2 constraint may bind, 3 constraint inactive; -1 TRPO
     */
    public record Outcome(boolean accepted, int backtracks, double kl, double surrogateGain, double costSurrogateGain,
            int cpoCase) {
    }

    private static final double EPS = 1e-8;

    private final Settings settings;

    public TrustRegionUpdate(Settings settings) {
        this.settings = settings;
    }

    /** TRPO: maximise the reward surrogate; accept only an improvement with KL in bound. */
    public Outcome trpo(GaussianPolicyNetwork policy, double[][] states, double[][] actions, double[] advantages,
            int episodes) {
        Batch batch = new Batch(policy, states, actions, episodes);
        double[] g = policy.weightedLogProbGradient(states, actions, advantages, episodes);
        double[][][] acts = policy.activations(states);
        double[] x = ConjugateGradient.solve(v -> damped(policy, acts, v), g, settings.cgIterations(), 1e-10);
        double xhx = ConjugateGradient.dot(x, damped(policy, acts, x));
        if (!(xhx > 0)) {
            return new Outcome(false, settings.lineSearchSteps(), 0, 0, 0, -1);
        }
        double scale = Math.sqrt(2 * settings.maxKl() / xhx);
        double[] full = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            full[i] = scale * x[i];
        }
        return search(policy, batch, full, advantages, null, Double.NaN, false, -1);
    }

    /**
     * Simplified CPO: maximise the reward surrogate subject to the linearised cost constraint
     * {@code c + b^T x <= 0} and the quadratic trust region, solved in closed form through its dual; when no step
     * in the trust region can satisfy the constraint, the recovery step {@code -sqrt(2 delta / s) H^-1 b} lowers
     * the cost as fast as the trust region allows.
     *
     * @param costAdvantages per-step cost advantages
     * @param costExcess {@code J_C - budget}: the batch's mean episode cost minus the budget (> 0 = infeasible)
     */
    public Outcome cpo(GaussianPolicyNetwork policy, double[][] states, double[][] actions, double[] advantages,
            double[] costAdvantages, double costExcess, int episodes) {
        Batch batch = new Batch(policy, states, actions, episodes);
        double[] g = policy.weightedLogProbGradient(states, actions, advantages, episodes);
        double[] b = policy.weightedLogProbGradient(states, actions, costAdvantages, episodes);
        double[][][] acts = policy.activations(states);
        double[] v = ConjugateGradient.solve(p -> damped(policy, acts, p), g, settings.cgIterations(), 1e-10);
        double[] w = ConjugateGradient.solve(p -> damped(policy, acts, p), b, settings.cgIterations(), 1e-10);
        double q = ConjugateGradient.dot(g, v);
        double r = ConjugateGradient.dot(g, w);
        double s = ConjugateGradient.dot(b, w);
        double c = costExcess;
        double delta = settings.maxKl();
        double[] step = new double[g.length];
        int optimCase;
        if (ConjugateGradient.dot(b, b) < 1e-16 || s < EPS) {
            // No cost gradient: the constraint cannot be steered; plain TRPO unless infeasible.
            optimCase = c > 0 ? 0 : 3;
        } else {
            double bigB = 2 * delta - c * c / s;
            if (c < 0 && bigB < 0) {
                optimCase = 3;
            } else if (c < 0) {
                optimCase = 2;
            } else if (bigB >= 0) {
                optimCase = 1;
            } else {
                optimCase = 0;
            }
        }
        boolean recovery = optimCase == 0;
        if (optimCase == 3) {
            double lam = Math.sqrt(q / (2 * delta));
            for (int i = 0; i < step.length; i++) {
                step[i] = v[i] / (lam + EPS);
            }
        } else if (optimCase == 0) {
            if (s < EPS) {
                return new Outcome(false, settings.lineSearchSteps(), 0, 0, 0, 0);
            }
            double nu = Math.sqrt(2 * delta / s);
            for (int i = 0; i < step.length; i++) {
                step[i] = -nu * w[i];
            }
        } else {
            double bigA = q - r * r / s;
            double bigB = 2 * delta - c * c / s;
            double rc = r / c;
            double[] la = c < 0 ? new double[] {0, rc} : new double[] {rc, Double.POSITIVE_INFINITY};
            double[] lb = c < 0 ? new double[] {rc, Double.POSITIVE_INFINITY} : new double[] {0, rc};
            double lamA = project(Math.sqrt(Math.max(bigA, 0) / Math.max(bigB, EPS)), la);
            double lamB = project(Math.sqrt(q / (2 * delta)), lb);
            double fa = -0.5 * (bigA / (lamA + EPS) + bigB * lamA) - r * c / (s + EPS);
            double fb = -0.5 * (q / (lamB + EPS) + 2 * delta * lamB);
            double lam = fa >= fb ? lamA : lamB;
            double nu = Math.max(0, lam * c - r) / (s + EPS);
            for (int i = 0; i < step.length; i++) {
                step[i] = (v[i] - nu * w[i]) / (lam + EPS);
            }
        }
        return search(policy, batch, step, advantages, costAdvantages, c, recovery, optimCase);
    }

    private static double project(double x, double[] range) {
        return Math.max(range[0], Math.min(range[1], x));
    }

    private double[] damped(GaussianPolicyNetwork policy, double[][][] acts, double[] v) {
        double[] fv = policy.fisherVector(acts, v);
        for (int i = 0; i < fv.length; i++) {
            fv[i] += settings.damping() * v[i];
        }
        return fv;
    }

    /**
     * Backtracking: TRPO accepts a reward-surrogate gain > 0; CPO in recovery accepts a cost-surrogate decrease;
     * CPO otherwise accepts when the predicted cost {@code c + dLc} is within the budget (or no worse than now, when
     * already over) and the reward surrogate does not fall unless the constraint forced it.
     */
    private Outcome search(GaussianPolicyNetwork policy, Batch batch, double[] fullStep, double[] advantages,
            double[] costAdvantages, double costExcess, boolean recovery, int optimCase) {
        double[] old = policy.parameters();
        double fraction = 1;
        for (int i = 0; i < settings.lineSearchSteps(); i++, fraction *= settings.lineSearchDecay()) {
            double[] trial = old.clone();
            for (int k = 0; k < trial.length; k++) {
                trial[k] += fraction * fullStep[k];
            }
            policy.setParameters(trial);
            double kl = policy.meanKl(batch.states, batch.oldMeans, batch.oldLogStd);
            if (!(kl <= settings.maxKl())) {
                continue;
            }
            double[] ratios = batch.ratios(policy);
            double gain = surrogate(ratios, advantages, batch.episodes) - surrogate(null, advantages, batch.episodes);
            if (costAdvantages == null) {
                if (gain > 0) {
                    return new Outcome(true, i, kl, gain, 0, optimCase);
                }
                continue;
            }
            double costGain = surrogate(ratios, costAdvantages, batch.episodes)
                    - surrogate(null, costAdvantages, batch.episodes);
            boolean ok;
            if (recovery) {
                ok = costGain < 0;
            } else {
                boolean costOk = costExcess + costGain <= Math.max(0, costExcess);
                // When feasible now (c < 0) the step x = 0 is feasible too, so the optimum gains reward; when over
                // budget the constraint may force a loss of reward.
                ok = costOk && (gain > 0 || costExcess >= 0);
            }
            if (ok) {
                return new Outcome(true, i, kl, gain, costGain, optimCase);
            }
        }
        policy.setParameters(old);
        return new Outcome(false, settings.lineSearchSteps(), 0, 0, 0, optimCase);
    }

    private static double surrogate(double[] ratios, double[] advantages, int episodes) {
        double sum = 0;
        for (int n = 0; n < advantages.length; n++) {
            sum += (ratios == null ? 1 : ratios[n]) * advantages[n];
        }
        return sum / episodes;
    }

    /** The old policy's means, log-std and log-probabilities, frozen before the step. */
    private static final class Batch {
        final double[][] states;
        final double[][] actions;
        final double[][] oldMeans;
        final double[] oldLogStd;
        final double[] oldLogProb;
        final int episodes;

        Batch(GaussianPolicyNetwork policy, double[][] states, double[][] actions, int episodes) {
            this.states = states;
            this.actions = actions;
            this.episodes = episodes;
            this.oldMeans = new double[states.length][];
            this.oldLogStd = policy.logStd();
            this.oldLogProb = new double[states.length];
            for (int n = 0; n < states.length; n++) {
                oldMeans[n] = policy.mean(states[n]);
                oldLogProb[n] = GaussianPolicyNetwork.logProb(oldMeans[n], oldLogStd, actions[n]);
            }
        }

        double[] ratios(GaussianPolicyNetwork policy) {
            double[] r = new double[states.length];
            double[] logStd = policy.logStd();
            for (int n = 0; n < states.length; n++) {
                r[n] = Math.exp(GaussianPolicyNetwork.logProb(policy.mean(states[n]), logStd, actions[n])
                        - oldLogProb[n]);
            }
            return r;
        }
    }
}

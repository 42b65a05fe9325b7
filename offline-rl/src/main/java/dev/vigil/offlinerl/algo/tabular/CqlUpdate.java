package dev.vigil.offlinerl.algo.tabular;

import dev.vigil.offlinerl.algo.TrainingListener;
import java.util.Map;

/**
 * The maths of tabular discrete CQL. With Q_0 = 0 and n(s) the visits of state s, iteration k computes, over
 * the N logged steps i = (s_i, a_i, r_i, s'_i):
 *
 * <pre>
 * y_i        = r_i + gamma * max_a' Q_k(s'_i, a')      (y_i = r_i when step i ended its episode)
 * G(s, a)    = sum_{i: s_i = s, a_i = a} (Q_k(s, a) - y_i)
 *            + alpha * sum_{i: s_i = s} (softmax(Q_k(s, .))_a - [a = a_i])
 * Q_k+1(s,a) = Q_k(s, a) - eta * G(s, a) / n(s)
 * </pre>
 *
 * i.e. one full-batch gradient step per target refresh on {@code 1/2 (Q - y)^2 + alpha (logsumexp Q(s,.) -
 * Q(s, a_i))}, averaged per state. The second term pushes down every action in proportion to its softmax
 * weight and pushes up the logged one: an action never logged in s only ever goes down. Steps cut off at the
 * horizon have no target and contribute only the regulariser. States never logged keep Q = 0.
 *
 * <p>Metrics per iteration: {@code tdError} = sqrt(mean_i (Q_k(s_i, a_i) - y_i)^2) over steps with a target,
 * {@code cqlGap} = mean_i (logsumexp_a Q_k(s_i, a) - Q_k(s_i, a_i)).
 */
final class CqlUpdate {

    private CqlUpdate() {
    }

    /** Q table, shape (S, A). */
    static double[][] fit(TabularTransitions t, CqlConfig config, TrainingListener listener) {
        double[][] q = new double[t.states][t.actions];
        double[][] gradient = new double[t.states][t.actions];
        double[][] softmax = new double[t.states][t.actions];
        double[] logSumExp = new double[t.states];
        double[] best = new double[t.states];
        int[] visits = new int[t.states];
        for (int s = 0; s < t.states; s++) {
            visits[s] = t.stateVisits(s);
        }
        for (int k = 1; k <= config.iterations(); k++) {
            for (int s = 0; s < t.states; s++) {
                java.util.Arrays.fill(gradient[s], 0);
                logSumExp[s] = softmaxRow(q[s], 1, softmax[s]);
                double m = Double.NEGATIVE_INFINITY;
                for (double v : q[s]) {
                    m = Math.max(m, v);
                }
                best[s] = m;
            }
            double squared = 0;
            int targets = 0;
            double gap = 0;
            for (int i = 0; i < t.size(); i++) {
                int s = t.state[i];
                int a = t.action[i];
                if (t.next[i] != TabularTransitions.CUT) {
                    double y = t.reward[i] + (t.next[i] == TabularTransitions.END ? 0 : config.discount() * best[t.next[i]]);
                    double error = q[s][a] - y;
                    gradient[s][a] += error;
                    squared += error * error;
                    targets++;
                }
                gradient[s][a] -= config.alpha();
                gap += logSumExp[s] - q[s][a];
            }
            for (int s = 0; s < t.states; s++) {
                if (visits[s] == 0) {
                    continue;
                }
                double eta = config.learningRate() / visits[s];
                for (int a = 0; a < t.actions; a++) {
                    // The softmax part of the regulariser's gradient is the same for every visit of s.
                    double g = gradient[s][a] + config.alpha() * visits[s] * softmax[s][a];
                    q[s][a] -= eta * g;
                }
            }
            listener.onIteration(k, Map.of("tdError", targets == 0 ? 0 : Math.sqrt(squared / targets),
                    "cqlGap", gap / t.size()));
        }
        return q;
    }

    /** Writes softmax(row / temperature) into {@code out}; returns logsumexp(row / temperature). */
    static double softmaxRow(double[] row, double temperature, double[] out) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            m = Math.max(m, v / temperature);
        }
        double sum = 0;
        for (int a = 0; a < row.length; a++) {
            out[a] = Math.exp(row[a] / temperature - m);
            sum += out[a];
        }
        for (int a = 0; a < row.length; a++) {
            out[a] /= sum;
        }
        return m + Math.log(sum);
    }
}

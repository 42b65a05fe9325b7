package dev.vigil.safety.guardian;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

/**
 * Queries per second of each guardian on 150,000 seeded clinical-like reference points of dimension 15,
 * on 2 threads, alternating with a brute-force baseline on a subsample of queries in the same run
 * (machines are shared and noisy, so the ratio is the figure to compare). Not a unit test.
 *
 * <p>Run: {@code ./mvnw -B -q -pl safety -am install -DskipTests && java -cp safety/target/classes
 * dev.vigil.safety.guardian.GuardianBenchmark [referencePoints]}
 */
public final class GuardianBenchmark {

    private static final int THREADS = 2;
    private static final int QUERIES = 20_000;
    private static final int BRUTE_QUERIES = 200;
    private static final int ROUNDS = 3;

    private GuardianBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 150_000;
        ClinicalLikePoints data = new ClinicalLikePoints(7, 0);
        double[][] reference = data.sample(n, 1);
        double[][] queries = data.sample(QUERIES, 2);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long start = System.nanoTime();
            GaussianKdeGuardian kde = GaussianKdeGuardian.fit(reference, KdeConfig.ogsrl());
            double kdeFit = seconds(start);
            start = System.nanoTime();
            KnnDistanceGuardian knn = KnnDistanceGuardian.fit(reference, KnnConfig.defaults());
            double knnFit = seconds(start);
            // A fake two-member "ensemble" of linear maps: measures the guardian's own overhead only.
            EnsemblePredictor linear = p -> new double[][] {p, scaled(p, 1.01)};
            EnsembleDisagreementGuardian ensemble =
                    EnsembleDisagreementGuardian.fit(linear, queries, EnsembleConfig.defaults());
            KdTree bruteTree = KdTree.build(reference);
            double inv = 1 / (2 * KdeConfig.OGSRL_SIGMA * KdeConfig.OGSRL_SIGMA);

            System.out.printf(Locale.ROOT, "reference points %d, dimension %d, threads %d, fit KDE %.1f s, "
                    + "fit k-NN %.1f s%n", n, ClinicalLikePoints.DIMENSION, THREADS, kdeFit, knnFit);
            System.out.printf(Locale.ROOT, "%-34s %12s %14s %8s%n", "guardian", "queries/s", "brute q/s", "ratio");
            row(pool, "Gaussian KDE (cells 256)", queries, p -> kde.judge(p).score(),
                    p -> bruteTree.gaussianSumWithin(p, Double.POSITIVE_INFINITY, inv));
            row(pool, "k-NN distance k=10 (32 leaves)", queries, p -> knn.judge(p).score(),
                    p -> bruteTree.nearestSquaredDistances(p, 10, -1, 0)[9]);
            System.out.printf(Locale.ROOT, "%-34s %12.0f %14s %8s%n", "Ensemble disagreement (fake 2-member)",
                    throughput(pool, queries, queries.length, p -> ensemble.judge(p).score()), "n/a", "n/a");
            agreement(kde, knn, data, reference);
        } finally {
            pool.shutdown();
        }
    }

    private static void row(ExecutorService pool, String name, double[][] queries,
            ToDoubleFunction<double[]> fast, ToDoubleFunction<double[]> brute) throws Exception {
        double bestFast = 0;
        double bestBrute = 0;
        for (int round = 0; round < ROUNDS; round++) {
            bestFast = Math.max(bestFast, throughput(pool, queries, queries.length, fast));
            bestBrute = Math.max(bestBrute, throughput(pool, queries, BRUTE_QUERIES, brute));
        }
        System.out.printf(Locale.ROOT, "%-34s %12.0f %14.0f %8.1f%n", name, bestFast, bestBrute, bestFast / bestBrute);
    }

    /** Verdict agreement of the fast guardians with their exact versions on held-out points. */
    private static void agreement(GaussianKdeGuardian kde, KnnDistanceGuardian knn, ClinicalLikePoints data,
            double[][] reference) {
        int m = 500;
        double[][] held = data.sample(m, 3);
        double[][] sample = new double[m][];
        for (int i = 0; i < m; i++) {
            sample[i] = reference[i * (reference.length / m)];
        }
        double[] exactOwn = new double[m];
        for (int i = 0; i < m; i++) {
            exactOwn[i] = kde.exactDensity(sample[i]);
        }
        double exactThreshold = Percentile.of(exactOwn, kde.config().thresholdPercentile());
        int agree = 0;
        double worstRelative = 0;
        for (double[] p : held) {
            double exact = kde.exactDensity(p);
            double fast = kde.density(p);
            worstRelative = Math.max(worstRelative, Math.abs(fast - exact) / exact);
            if ((exact >= exactThreshold) == kde.judge(p).inSupport()) {
                agree++;
            }
        }
        System.out.printf(Locale.ROOT, "KDE: verdict agreement with exact %.3f on %d held-out points "
                + "(exact threshold from %d training points), max relative density error %.3f%n",
                agree / (double) m, m, m, worstRelative);
        KnnDistanceGuardian exactKnn = KnnDistanceGuardian.fit(reference, KnnConfig.exact());
        agree = 0;
        for (double[] p : held) {
            if (exactKnn.judge(p).inSupport() == knn.judge(p).inSupport()) {
                agree++;
            }
        }
        System.out.printf(Locale.ROOT, "k-NN: verdict agreement with exact %.3f on %d held-out points%n",
                agree / (double) m, m);
    }

    private static double throughput(ExecutorService pool, double[][] queries, int count,
            ToDoubleFunction<double[]> query) throws Exception {
        long start = System.nanoTime();
        Future<?>[] futures = new Future<?>[THREADS];
        double[] sink = new double[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures[t] = pool.submit(() -> {
                double sum = 0;
                for (int i = thread; i < count; i += THREADS) {
                    sum += query.applyAsDouble(queries[i]);
                }
                sink[thread] = sum;
            });
        }
        for (Future<?> future : futures) {
            future.get();
        }
        return count / seconds(start);
    }

    private static double[] scaled(double[] p, double factor) {
        double[] out = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            out[j] = p[j] * factor;
        }
        return out;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

package dev.vigil.offlinerl.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** How every experiment main ends: the summary printed and appended, the total time, the markdown written. */
final class ExperimentOutput {

    private ExperimentOutput() {
    }

    static void finish(StringBuilder markdown, String summary, long startNanos, Path out) throws IOException {
        System.out.print(summary);
        markdown.append(summary);
        System.out.printf(Locale.ROOT, "%ntotal %.1f s%n", (System.nanoTime() - startNanos) / 1e9);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, markdown.toString());
    }

    /** "mean ± sd" (sample standard deviation; 0 for a single value) with {@code digits} decimals. */
    static String meanSd(double[] x, int digits) {
        double mean = java.util.Arrays.stream(x).average().orElse(Double.NaN);
        double var = x.length < 2 ? 0 : java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum()
                / (x.length - 1);
        return String.format(java.util.Locale.ROOT, "%." + digits + "f ± %." + digits + "f", mean, Math.sqrt(var));
    }
}

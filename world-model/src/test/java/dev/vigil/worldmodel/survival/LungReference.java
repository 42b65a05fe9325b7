package dev.vigil.worldmodel.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R's results on the NCCTG lung data, parsed from {@code lung-reference.txt} in
 * {@code ../../shared/data/survival-reference} relative to the module (or {@code -Dvigil.survival.reference}).
 */
final class LungReference {

    static final Path FOLDER = Path.of(System.getProperty("vigil.survival.reference",
            "../../shared/data/survival-reference"));

    record Cox(Map<String, double[]> coefficientAndSe, double logLikNull, double logLik, double concordance) {}

    record KmRow(double time, double survival, double se, int atRisk) {}

    final Map<Ties, Cox> cox = new LinkedHashMap<>();
    final List<KmRow> km = new ArrayList<>();
    double median;

    static Path csv() {
        Path csv = FOLDER.resolve("lung.csv");
        assertThat(csv).as("lung.csv (set -Dvigil.survival.reference to its folder)").isRegularFile();
        return csv;
    }

    static LungReference load() throws IOException {
        LungReference reference = new LungReference();
        Ties section = null;
        Map<String, double[]> coefficients = new LinkedHashMap<>();
        double[] logLik = new double[2];
        for (String line : Files.readAllLines(FOLDER.resolve("lung-reference.txt"))) {
            String[] f = line.trim().split("\\s+");
            if (line.startsWith("## coxph ties=")) {
                section = Ties.valueOf(line.substring("## coxph ties=".length()).trim().toUpperCase());
                coefficients = new LinkedHashMap<>();
            } else if (line.startsWith("## Kaplan")) {
                section = null;
            } else if (section != null && f[0].equals("coef")) {
                coefficients.put(f[1], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[4])});
            } else if (section != null && f[0].equals("loglik_null")) {
                logLik = new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[3])};
            } else if (section != null && f[0].equals("concordance")) {
                reference.cox.put(section, new Cox(coefficients, logLik[0], logLik[1], Double.parseDouble(f[1])));
            } else if (f[0].equals("t")) {
                reference.km.add(new KmRow(Double.parseDouble(f[1]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[5]), Integer.parseInt(f[7])));
            } else if (f[0].equals("median")) {
                reference.median = Double.parseDouble(f[1]);
            }
        }
        assertThat(reference.cox).containsOnlyKeys(Ties.BRESLOW, Ties.EFRON);
        assertThat(reference.km).hasSize(5);
        return reference;
    }
}

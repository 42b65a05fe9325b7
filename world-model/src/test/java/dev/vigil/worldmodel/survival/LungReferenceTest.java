package dev.vigil.worldmodel.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Cox and Kaplan-Meier on the NCCTG lung data against R survival 3.5.3 ({@code lung-reference.txt}). */
class LungReferenceTest {

    @ParameterizedTest
    @EnumSource(Ties.class)
    void coxMatchesR(Ties ties) throws IOException {
        LungReference.Cox r = LungReference.load().cox.get(ties);
        SurvivalData data = SurvivalCsv.read(LungReference.csv(), "time", "event");
        assertThat(data.covariateNames()).containsExactly("age", "sex", "ph.ecog");
        assertThat(data.size()).isEqualTo(227);

        CoxModel model = CoxRegression.fit(data, ties);
        CoxFit fit = model.fit();

        assertThat(fit.converged()).isTrue();
        assertThat(fit.ties()).isEqualTo(ties);
        for (Map.Entry<String, double[]> term : r.coefficientAndSe().entrySet()) {
            CoxTerm ours = fit.terms().get(term.getKey());
            assertThat(ours.coefficient()).as("coef %s", term.getKey()).isCloseTo(term.getValue()[0], within(1e-4));
            assertThat(ours.standardError()).as("se %s", term.getKey()).isCloseTo(term.getValue()[1], within(1e-4));
            System.out.printf("%s %s coef %.8f (R %.8f) se %.8f (R %.8f)%n", ties, term.getKey(), ours.coefficient(),
                    term.getValue()[0], ours.standardError(), term.getValue()[1]);
        }
        assertThat(fit.logLikelihoodNull()).isCloseTo(r.logLikNull(), within(1e-3));
        assertThat(fit.logLikelihood()).isCloseTo(r.logLik(), within(1e-3));
        // R prints six decimals.
        assertThat(fit.concordance()).isCloseTo(r.concordance(), within(5e-7));
        System.out.printf("%s loglik null %.6f (R %.6f) final %.6f (R %.6f) C %.7f (R %.6f) iterations %d%n", ties,
                fit.logLikelihoodNull(), r.logLikNull(), fit.logLikelihood(), r.logLik(), fit.concordance(),
                r.concordance(), fit.iterations());
    }

    @Test
    void harrellsCOfTheLinearPredictorIsTheFitsConcordance() throws IOException {
        SurvivalData data = SurvivalCsv.read(LungReference.csv(), "time", "event");
        CoxModel model = CoxRegression.fit(data, Ties.BRESLOW);
        double[] eta = new double[data.size()];
        for (int i = 0; i < eta.length; i++) {
            eta[i] = model.linearPredictor(data.covariates()[i]);
        }
        ConcordanceResult harrell = Concordance.harrell(data.times(), data.events(), eta);
        assertThat(harrell.index()).isEqualTo(model.fit().concordance());
        assertThat(harrell.index()).isCloseTo(LungReference.load().cox.get(Ties.BRESLOW).concordance(), within(5e-7));
        // Uno's C up to two years, censoring weights from the same data: a different estimand, same ballpark.
        double uno = Concordance.uno(data.times(), data.events(), eta, 730).index();
        System.out.printf("lung: Harrell C %.6f (%.0f concordant, %.0f discordant, %.0f tied risk, %.0f tied time), "
                + "Uno C (tau = 730) %.6f%n", harrell.index(), harrell.concordant(), harrell.discordant(),
                harrell.tiedRisk(), harrell.tiedTime(), uno);
        assertThat(uno).isBetween(0.6, 0.7).isNotEqualTo(harrell.index());
    }

    @Test
    void kaplanMeierMatchesR() throws IOException {
        LungReference reference = LungReference.load();
        KaplanMeierFit km = KaplanMeier.estimate(SurvivalCsv.read(LungReference.csv(), "time", "event"));
        for (LungReference.KmRow row : reference.km) {
            assertThat(km.survivalAt(row.time())).as("S(%s)", row.time()).isCloseTo(row.survival(), within(1e-6));
            assertThat(km.standardErrorAt(row.time())).as("se(%s)", row.time()).isCloseTo(row.se(), within(1e-6));
            assertThat(km.atRiskAt(row.time())).as("n.risk(%s)", row.time()).isEqualTo(row.atRisk());
        }
        assertThat(km.median()).hasValue(reference.median);
    }

    @Test
    void coxFitSerialisesToJsonWithTermsByName() throws IOException {
        CoxFit fit = CoxRegression.fit(SurvivalCsv.read(LungReference.csv(), "time", "event"), Ties.EFRON).fit();
        String json = fit.toJson();
        System.out.println(json);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(tree.at("/terms/sex/coefficient").asDouble()).isEqualTo(fit.terms().get("sex").coefficient());
        assertThat(tree.at("/terms/sex/hazardRatio").asDouble()).isCloseTo(Math.exp(-0.5526124), within(1e-4));
        assertThat(tree.get("ties").asText()).isEqualTo("EFRON");
        assertThat(tree.get("events").asInt()).isEqualTo(fit.events());
        assertThat(tree.fieldNames()).toIterable().contains("logLikelihoodNull", "logLikelihood", "concordance", "n",
                "iterations", "converged");
    }
}

package dev.vigil.worldmodel.survival.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.worldmodel.survival.Concordance;
import dev.vigil.worldmodel.survival.CoxModel;
import dev.vigil.worldmodel.survival.CoxRegression;
import dev.vigil.worldmodel.survival.SurvivalCurve;
import dev.vigil.worldmodel.survival.SurvivalData;
import dev.vigil.worldmodel.survival.Ties;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeepSurvTest {

    @Test
    void torchLossEqualsTheDoublePrecisionBreslowLossWithTies() {
        // Times with ties, sorted decreasing as the trainer sorts them: 5 5 4 3 3 3 1.
        double[] times = {5, 5, 4, 3, 3, 3, 1};
        int[] events = {1, 0, 1, 1, 1, 0, 1};
        long[] lastTied = {1, 1, 2, 5, 5, 5, 6};
        double[] risk = {0.3, -1.2, 2.0, 0.7, 0.7, -0.4, 1.1};
        float[] riskF = new float[risk.length];
        float[] eventsF = new float[risk.length];
        for (int i = 0; i < risk.length; i++) {
            riskF[i] = (float) risk[i];
            eventsF[i] = events[i];
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), DeepSurvTrainer.ENGINE)) {
            NDArray loss = DeepSurvTrainer.loss(manager.create(riskF), manager.create(lastTied),
                    manager.create(eventsF), 5);
            assertThat((double) loss.getFloat())
                    .isCloseTo(BreslowLoss.perEvent(times, events, risk), within(1e-5));
        }
        // By hand for the event at t = 1 alone: risk set = everyone.
        double all = 0;
        for (double h : risk) {
            all += Math.exp(h);
        }
        int[] only = {0, 0, 0, 0, 0, 0, 1};
        assertThat(BreslowLoss.perEvent(times, only, risk)).isCloseTo(Math.log(all) - 1.1, within(1e-12));
    }

    @Test
    void sameSeedGivesTheSameModelAndAnotherSeedDoesNot() {
        SurvivalData data = SimulatedCohort.generate(400, 2, 3, x -> x[0] + x[1]);
        DeepSurvConfig config = new DeepSurvConfig(List.of(16, 16), 0.2, 1e-4, 1e-2, 25, 25, 0.2, 42);
        DeepSurvModel first = DeepSurvTrainer.train(data, config);
        DeepSurvModel second = DeepSurvTrainer.train(data, config);
        DeepSurvModel other = DeepSurvTrainer.train(data, new DeepSurvConfig(List.of(16, 16), 0.2, 1e-4, 1e-2, 25,
                25, 0.2, 43));

        assertThat(second.history()).isEqualTo(first.history());
        for (int l = 0; l < first.network().layers().size(); l++) {
            assertThat(second.network().layers().get(l).weights())
                    .containsExactly(first.network().layers().get(l).weights());
        }
        double[] x = {0.5, -0.25};
        assertThat(second.risk(x)).isEqualTo(first.risk(x));
        assertThat(other.risk(x)).isNotEqualTo(first.risk(x));
        assertThat(first.history().trainSize()).isEqualTo(320);
        assertThat(first.history().validationSize()).isEqualTo(80);
        assertThat(first.history().validationLoss()).hasSize(first.history().epochs());
    }

    @Test
    void beatsLinearCoxOnANonlinearRisk() {
        // log hazard x1^2 + x2: a linear Cox model sees x2 only (x1^2 is uncorrelated with x1 on a symmetric range).
        Result result = compare(x -> x[0] * x[0] + x[1], 11);
        assertThat(result.deep()).isGreaterThan(result.cox() + 0.03);
        assertThat(result.deep()).isGreaterThan(result.truth() - 0.03);
    }

    @Test
    void roughlyMatchesCoxOnALinearRisk() {
        Result result = compare(x -> x[0] + 0.5 * x[1], 12);
        assertThat(result.deep()).isCloseTo(result.cox(), within(0.02));
    }

    @Test
    void predictsSurvivalCurvesFromItsBreslowBaseline() {
        SurvivalData data = SimulatedCohort.generate(600, 2, 5, x -> x[0] + x[1]);
        DeepSurvModel model = DeepSurvTrainer.train(data,
                new DeepSurvConfig(List.of(16), 0.1, 1e-4, 2e-2, 40, 10, 0.2, 1));
        double[] low = {-1, -1};
        double[] high = {1, 1};
        assertThat(model.risk(high)).isGreaterThan(model.risk(low));
        SurvivalCurve curve = model.survival(high);
        assertThat(curve.survival()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(curve.survival()[0]).isBetween(0.0, 1.0);
        assertThat(model.survival(high, 1.0)).isLessThan(model.survival(low, 1.0));
        double expected = Math.exp(-model.baseline().at(1.0) * Math.exp(model.risk(high)));
        assertThat(model.survival(high, 1.0)).isCloseTo(expected, within(1e-12));
        assertThat(model.history().bestEpoch()).isBetween(1, model.history().epochs());
        assertThatThrownBy(() -> model.risk(new double[] {1})).hasMessageContaining("expects 2");
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> new DeepSurvConfig(List.of(), 0.1, 0, 1e-2, 10, 5, 0.2, 1))
                .hasMessageContaining("hiddenLayers");
        assertThatThrownBy(() -> new DeepSurvConfig(List.of(8), 1.0, 0, 1e-2, 10, 5, 0.2, 1))
                .hasMessageContaining("dropout");
        assertThatThrownBy(() -> new DeepSurvConfig(List.of(8), 0.1, 0, 1e-2, 10, 5, 0.7, 1))
                .hasMessageContaining("validationFraction");
    }

    private record Result(double deep, double cox, double truth) {}

    private static Result compare(java.util.function.ToDoubleFunction<double[]> logHazard, long seed) {
        SurvivalData train = SimulatedCohort.generate(1000, 2, seed, logHazard);
        SurvivalData test = SimulatedCohort.generate(1000, 2, seed + 1000, logHazard);
        long start = System.nanoTime();
        DeepSurvConfig defaults = DeepSurvConfig.defaults(seed);
        DeepSurvConfig config = new DeepSurvConfig(defaults.hiddenLayers(), defaults.dropout(), defaults.l2(),
                defaults.learningRate(), 150, 20, defaults.validationFraction(), seed);
        DeepSurvModel deep = DeepSurvTrainer.train(train, config);
        long millis = (System.nanoTime() - start) / 1_000_000;
        CoxModel cox = CoxRegression.fit(train, Ties.BRESLOW);
        double[] coxRisk = new double[test.size()];
        double[] trueRisk = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
            coxRisk[i] = cox.linearPredictor(test.covariates()[i]);
            trueRisk[i] = logHazard.applyAsDouble(test.covariates()[i]);
        }
        Result result = new Result(
                Concordance.harrell(test.times(), test.events(), deep.risk(test.covariates())).index(),
                Concordance.harrell(test.times(), test.events(), coxRisk).index(),
                Concordance.harrell(test.times(), test.events(), trueRisk).index());
        System.out.printf("held-out C (seed %d): DeepSurv %.4f, linear Cox %.4f, true risk %.4f; %d epochs (best %d), "
                + "%d ms%n", seed, result.deep(), result.cox(), result.truth(), deep.history().epochs(),
                deep.history().bestEpoch(), millis);
        return result;
    }
}

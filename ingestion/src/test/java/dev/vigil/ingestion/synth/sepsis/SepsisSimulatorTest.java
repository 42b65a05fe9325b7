package dev.vigil.ingestion.synth.sepsis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SepsisSimulatorTest {

    private final SepsisSimulator simulator = new SepsisSimulator();

    @Test
    void resetIsDeterministicForTheSameGeneratorState() {
        SepsisState first = simulator.reset(new SplittableRandom(5));
        SepsisState second = simulator.reset(new SplittableRandom(5));

        assertThat(second).isEqualTo(first);
        assertThat(simulator.reset(new SplittableRandom(6)).observation()).isNotEqualTo(first.observation());
    }

    @Test
    void observationCarriesDemographicsAndDerivedFeatures() {
        SepsisState state = simulator.reset(new SplittableRandom(11));
        SepsisObservation observation = state.observation();

        assertThat(observation.values()).hasSize(SepsisFeature.COUNT);
        assertThat(observation.get(SepsisFeature.AGE)).isEqualTo(state.patient().ageYears());
        assertThat(observation.get(SepsisFeature.GENDER)).isEqualTo(state.patient().male() ? 1 : 0);
        assertThat(observation.get(SepsisFeature.WEIGHT)).isEqualTo(state.patient().weightKg());
        assertThat(observation.get(SepsisFeature.PF_RATIO)).isEqualTo(
                observation.get(SepsisFeature.PAO2) / (observation.get(SepsisFeature.FIO2) / 100));
        assertThat(observation.get(SepsisFeature.FLUID_INPUT_CUM)).isZero();
        assertThat(observation.get(SepsisFeature.URINE_OUTPUT_CUM)).isEqualTo(
                observation.get(SepsisFeature.URINE_OUTPUT));
    }

    @Test
    void observationIsTheAggregateOfTheBlocsChart() {
        SepsisState state = simulator.reset(new SplittableRandom(3));
        double mapSum = 0;
        double urineSum = 0;
        int maps = 0;
        for (ChartedValue value : state.chart().values()) {
            assertThat(value.minute()).isBetween(0, 239);
            if (value.feature() == SepsisFeature.MAP) {
                mapSum += value.value();
                maps++;
            }
            if (value.feature() == SepsisFeature.URINE_OUTPUT) {
                urineSum += value.value();
            }
        }

        assertThat(maps).isEqualTo(4);
        assertThat(state.observation().get(SepsisFeature.MAP)).isEqualTo(mapSum / 4);
        assertThat(state.observation().get(SepsisFeature.URINE_OUTPUT)).isEqualTo(urineSum);
    }

    @Test
    void stepCountsFluidIntoTheNextBlocsCumulativeInput() {
        SepsisState state = simulator.reset(new SplittableRandom(8));
        SepsisTransition transition = simulator.step(state, new SepsisAction(750, 0), new SplittableRandom(9));

        assertThat(transition.next().bloc()).isEqualTo(1);
        assertThat(transition.next().fluidInputCumMl()).isEqualTo(750);
        if (!transition.died()) {
            assertThat(transition.observation().get(SepsisFeature.FLUID_INPUT_CUM)).isEqualTo(750);
        }
    }

    @Test
    void vasopressorRaisesTheMapDuringTheBloc() {
        SepsisState state = simulator.reset(new SplittableRandom(21));

        double without = simulator.step(state, SepsisAction.NONE, new SplittableRandom(1)).mapDuringBloc();
        double with = simulator.step(state, new SepsisAction(0, 0.3), new SplittableRandom(1)).mapDuringBloc();

        assertThat(with).isGreaterThan(without + 5);
    }

    @Test
    void fluidRaisesTheMapOfAFluidResponsivePatient() {
        SepsisState state = responsivePatient();

        double without = simulator.step(state, SepsisAction.NONE, new SplittableRandom(1)).mapDuringBloc();
        double with = simulator.step(state, new SepsisAction(1000, 0), new SplittableRandom(1)).mapDuringBloc();

        assertThat(with).isGreaterThan(without + 3);
    }

    @Test
    void sustainedFluidOverloadInjuresTheLungs() {
        SepsisState moderate = runConstant(new SepsisAction(250, 0));
        SepsisState flooded = runConstant(new SepsisAction(3000, 0));

        assertThat(flooded.latent().lungInjury()).isGreaterThan(moderate.latent().lungInjury() + 0.5);
    }

    @Test
    void refusesToStepADeadPatientOrPastTheWindow() {
        SepsisState end = runConstant(SepsisAction.NONE);
        if (end.alive()) {
            assertThatThrownBy(() -> simulator.step(end, SepsisAction.NONE, new SplittableRandom(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("longTermOutcome");
        } else {
            assertThatThrownBy(() -> simulator.step(end, SepsisAction.NONE, new SplittableRandom(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("episode ends at death");
        }
    }

    @Test
    void negativeOrNonFiniteActionsAreRejectedWithAFix() {
        assertThatThrownBy(() -> new SepsisAction(-1, 0)).hasMessageContaining("clamp the policy's output");
        assertThatThrownBy(() -> new SepsisAction(0, Double.NaN)).hasMessageContaining(">= 0 ug/kg/min");
    }

    /** Steps a fixed patient through the window with one action, ignoring deaths (the state stays the last alive). */
    private SepsisState runConstant(SepsisAction action) {
        SplittableRandom rng = new SplittableRandom(77);
        SepsisState state = simulator.reset(rng);
        for (int bloc = 0; bloc < SepsisSimulator.BLOCS && state.alive(); bloc++) {
            state = simulator.step(state, action, rng).next();
        }
        return state;
    }

    private SepsisState responsivePatient() {
        for (long seed = 0; seed < 200; seed++) {
            SepsisState state = simulator.reset(new SplittableRandom(seed));
            if (state.patient().fluidResponsiveness() > 1.2 && state.latent().volume() < -0.5) {
                return state;
            }
        }
        throw new AssertionError("no fluid-responsive hypovolaemic patient in 200 seeds");
    }

    @Test
    void theBlocOfDeathChartsAndAggregatesOnlyWhatPrecedesTheDeath() {
        int deaths = 0;
        for (int seed = 0; deaths < 20 && seed < 5000; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            SepsisState state = simulator.reset(rng);
            while (state.alive() && state.bloc() < SepsisSimulator.BLOCS) {
                SepsisTransition transition = simulator.step(state, SepsisAction.NONE, rng);
                if (transition.died()) {
                    deaths++;
                    int death = transition.next().deathMinute();
                    SepsisState treated = transition.treated();
                    assertThat(treated.chart()).isEqualTo(state.chart().chartedBefore(death));
                    assertThat(treated.chart().values()).allSatisfy(value -> assertThat(value.minute()).isLessThan(death));
                    assertThat(transition.observation()).isEqualTo(treated.observation());
                    assertThat(treated.latent()).isEqualTo(state.latent());
                } else {
                    assertThat(transition.treated()).isSameAs(state);
                }
                state = transition.next();
            }
        }
        assertThat(deaths).isEqualTo(20);
    }
}

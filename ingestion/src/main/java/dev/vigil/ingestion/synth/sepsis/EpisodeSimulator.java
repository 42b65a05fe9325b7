package dev.vigil.ingestion.synth.sepsis;

import java.util.ArrayList;
import java.util.List;

/** Runs one episode of a policy through the true dynamics (the loop shared by the evaluator and the cohort). */
public final class EpisodeSimulator {

    private final SepsisSimulator simulator;

    public EpisodeSimulator(SepsisSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * Simulates from the window start for {@code horizon} blocs or until death, then draws the 90-day outcome.
     *
     * @param horizon 1..{@link SepsisSimulator#BLOCS}
     */
    public Episode runDecisions(DecisionMaker policy, EpisodeRandom random, int horizon) {
        requireHorizon(horizon);
        SepsisState state = simulator.reset(random.dynamics());
        List<SepsisState> states = new ArrayList<>(horizon + 1);
        List<SepsisObservation> observations = new ArrayList<>(horizon + 1);
        List<SepsisAction> actions = new ArrayList<>(horizon);
        List<Decision> decisions = new ArrayList<>(horizon);
        List<Double> deathProbabilities = new ArrayList<>(horizon);
        List<Double> rewards = new ArrayList<>(horizon);
        states.add(state);
        observations.add(state.observation());
        for (int bloc = 0; bloc < horizon; bloc++) {
            Decision decision = policy.decide(new PolicyInput(bloc, observations, actions), random.policy());
            SepsisTransition transition = simulator.step(state, decision.action(), random.dynamics());
            decisions.add(decision);
            actions.add(decision.action());
            deathProbabilities.add(transition.deathProbability());
            state = transition.next();
            states.add(state);
            if (transition.died()) {
                // The bloc of death as charted: only what precedes the death (the FHIR writer and the ground
                // truth both read it from here).
                states.set(bloc, transition.treated());
                rewards.add(SepsisReward.deathPadding(horizon - bloc));
                break;
            }
            rewards.add(SepsisReward.step(state.observation(), decision.action()));
            observations.add(state.observation());
        }
        LongTermOutcome outcome = simulator.longTermOutcome(state, random.outcome());
        return new Episode(states, decisions, deathProbabilities, rewards, outcome, horizon);
    }

    /** {@link #runDecisions} for a plain policy (the clinician keeps its unsafe-choice labels). */
    public Episode run(SepsisPolicy policy, EpisodeRandom random, int horizon) {
        return runDecisions(DecisionMaker.of(policy), random, horizon);
    }

    static void requireHorizon(int horizon) {
        if (horizon < 1 || horizon > SepsisSimulator.BLOCS) {
            throw new IllegalArgumentException("The horizon is a number of 4-hour blocs within the window: use 1.."
                    + SepsisSimulator.BLOCS + " (18 = the whole window), got " + horizon);
        }
    }
}

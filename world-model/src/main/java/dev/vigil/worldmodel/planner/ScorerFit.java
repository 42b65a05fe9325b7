package dev.vigil.worldmodel.planner;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fits the survival scorer to a {@link ScorerSpec}: on the training cases' measured follow-up images, or on the
 * world model's own simulation of the protocol each case was given.
 *
 * <p>Why the simulated fit exists (docs/results.md "MeWM", fourth round): at planning time the scorer reads
 * noise-free simulated CTs, while the measured fit reads noisy follow-up CTs (10 HU voxel noise counts part of the
 * necrosis as viable). Fitted on the measured images, the viable-volume coefficient is diluted by that measurement
 * error and the intensity coefficient absorbs the rest; fitted on the simulations, fit-time and plan-time features
 * have the same distribution. Only deployment-visible data enter: the pre-treatment images, covariates, the given
 * protocol, survival, and the dynamics models.
 */
public final class ScorerFit {

    private ScorerFit() {}

    /** Fits {@code columns} on the training cases' true follow-up images. */
    public static SurvivalScorer measured(List<TrainingCase> cases, List<String> columns) {
        return measured(cases, new ScorerSpec(columns, ScorerSpec.Source.MEASURED));
    }

    /** Fits a measured spec (its columns and set charges) on the training cases' true follow-up images. */
    static SurvivalScorer measured(List<TrainingCase> cases, ScorerSpec spec) {
        double[][] rows = new double[cases.size()][];
        for (int i = 0; i < cases.size(); i++) {
            rows[i] = SurvivalScorer.trueFeatures(cases.get(i));
        }
        return fitRows(cases, rows, spec);
    }

    /**
     * Fits {@code columns} on the planner's simulation of each training case under the protocol it was given
     * ({@link TacePlanner#simulatedFeatures}: mean over members and draws, the planner's seed).
     */
    public static SurvivalScorer simulated(List<TrainingCase> cases, TacePlanner planner, List<String> columns) {
        return simulated(cases, planner, new ScorerSpec(columns, ScorerSpec.Source.SIMULATED));
    }

    /** Fits a simulated spec (its columns and set charges) on the planner's simulations of the given protocols. */
    static SurvivalScorer simulated(List<TrainingCase> cases, TacePlanner planner, ScorerSpec spec) {
        return fitRows(cases, simulatedRows(cases, planner), spec);
    }

    /** Full feature rows of the planner's simulations of the training cases' given protocols. */
    public static double[][] simulatedRows(List<TrainingCase> cases, TacePlanner planner) {
        double[][] rows = new double[cases.size()][];
        for (int i = 0; i < cases.size(); i++) {
            rows[i] = planner.simulatedFeatures(cases.get(i).pre(), cases.get(i).given());
        }
        return rows;
    }

    /**
     * Fits the scorer a spec asks for, given the dynamics models: a measured fit directly; a simulated fit opens a
     * planner on the dynamics (with a provisional measured scorer, which the simulation does not read) and
     * simulates each case's given protocol with {@code simulation}'s draws and seed.
     */
    public static SurvivalScorer fit(List<TrainingCase> cases, ScorerSpec spec, List<byte[]> dynamics, int cropSize,
            PlannerConfig simulation, Consumer<String> log) {
        if (spec.source() == ScorerSpec.Source.MEASURED) {
            return measured(cases, spec);
        }
        WorldModelBundle provisional = WorldModelBundle.ofEnsemble(dynamics, measured(cases, spec.columns()),
                Map.of("cropSize", Integer.toString(cropSize)));
        if (log != null) {
            log.accept("simulating the given protocol of " + cases.size() + " training cases for the scorer (K = "
                    + simulation.simulationsPerPlan() + ", seed " + simulation.seed() + ")");
        }
        try (TacePlanner planner = new TacePlanner(provisional, simulation)) {
            return simulated(cases, planner, spec);
        }
    }

    private static SurvivalScorer fitRows(List<TrainingCase> cases, double[][] rows, ScorerSpec spec) {
        double[] times = new double[cases.size()];
        int[] events = new int[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            times[i] = cases.get(i).survivalDays();
            events[i] = cases.get(i).death() ? 1 : 0;
        }
        return SurvivalScorer.fit(rows, times, events, spec);
    }
}

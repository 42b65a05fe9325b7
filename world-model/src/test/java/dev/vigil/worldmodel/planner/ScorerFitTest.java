package dev.vigil.worldmodel.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.worldmodel.dynamics.DynamicsArchitecture;
import dev.vigil.worldmodel.dynamics.DynamicsOnnxExporter;
import dev.vigil.worldmodel.dynamics.DynamicsWeights;
import dev.vigil.worldmodel.onnx.ExecutionProviderChoice;
import dev.vigil.worldmodel.onnx.SessionConfig;
import dev.vigil.worldmodel.onnx.Simulation;
import dev.vigil.worldmodel.onnx.WorldModelSession;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated-feature fit: each training case's row is the dynamics members' simulation of the protocol it
 * was given (checked against a session run by hand and against the planner's own risk), and the scorer is the
 * Cox fit on those rows. Dynamics members are seeded random networks (different, no training needed).
 */
class ScorerFitTest {

    private static final int CROP = 16;

    @TempDir
    static Path dir;
    static List<TrainingCase> training;
    static byte[] memberA;
    static byte[] memberB;

    @BeforeAll
    static void setUp() throws IOException {
        SyntheticCohort cohort = SyntheticCohort.generate(dir.resolve("cohort"), 24, 31, CROP);
        training = HccCases.trainingCases(cohort.data(), cohort.dir());
        DynamicsArchitecture architecture = new DynamicsArchitecture(CROP, 2, 16, 32, 8);
        memberA = DynamicsOnnxExporter.export(DynamicsWeights.initial(architecture, 1)).toByteArray();
        memberB = DynamicsOnnxExporter.export(DynamicsWeights.initial(architecture, 2)).toByteArray();
    }

    private static WorldModelBundle bundle(List<byte[]> members) {
        return WorldModelBundle.ofEnsemble(members, SurvivalScorer.fit(training),
                Map.of("cropSize", Integer.toString(CROP)));
    }

    @Test
    void rowIsTheMemberSimulationOfTheGivenProtocolComputedByHand() throws IOException {
        TrainingCase c = training.get(1);
        double[] row;
        try (TacePlanner planner = new TacePlanner(bundle(List.of(memberA)),
                new PlannerConfig(2, 9, ExecutionProviderChoice.CPU, 0, 0))) {
            row = planner.simulatedFeatures(c.pre(), c.given());
        }
        // By hand: the same member through its own session, the given protocol, two draws with the seed 9.
        Path file = Files.write(dir.resolve("a.onnx"), memberA);
        float[] pre = VolumeEncoding.encode(c.pre().preCt());
        float[] mask = VolumeEncoding.encode(c.pre().preMask());
        double voxelMl = c.pre().preCt().geometry().voxelVolumeMm3() / 1000;
        ImageSummary preSummary = ImageSummary.of(c.pre().preCt().voxels(), mask, voxelMl);
        double[] expected = new double[ScorerFeatures.NAMES.size()];
        try (WorldModelSession session = WorldModelSession.open(file,
                new SessionConfig(ExecutionProviderChoice.CPU, 0, CROP, 60))) {
            List<Simulation> sims = session.simulate(pre, mask, List.of(c.given().multiHot()), 2, 9);
            assertThat(sims).hasSize(2);
            for (Simulation s : sims) {
                ImageSummary post = ImageSummary.ofWindowed(FloatBuffer.wrap(s.postCt()),
                        FloatBuffer.wrap(s.postMask()), voxelMl);
                double[] one = ScorerFeatures.of(preSummary, post, c.pre().covariates(), c.given());
                for (int j = 0; j < one.length; j++) {
                    expected[j] += one[j] / 2;
                }
            }
        }
        assertThat(row).containsExactly(expected, within(1e-9));
        assertThat(row[6]).isEqualTo(ScorerFeatures.intensity(c.given()));
        // Not the measured follow-up: the simulation's viable volume is another number.
        assertThat(row[0]).isNotCloseTo(SurvivalScorer.trueFeatures(c)[0], within(1e-6));
    }

    @Test
    void scorerRiskOfTheSimulatedRowIsThePlannersRiskForThatProtocol() {
        TrainingCase c = training.stream().filter(t -> ProtocolSpace.isValid(t.given())).findFirst().orElseThrow();
        try (TacePlanner planner = new TacePlanner(bundle(List.of(memberA, memberB)),
                new PlannerConfig(3, 9, ExecutionProviderChoice.CPU, 0, 0))) {
            double[] row = planner.simulatedFeatures(c.pre(), c.given());
            double risk = planner.score(c.pre(), List.of(c.given().label())).get(0).risk();
            assertThat(planner.drawsPerMember()).containsExactly(2, 1);
            assertThat(SurvivalScorer.fit(training).risk(row)).isCloseTo(risk, within(1e-9));
        }
    }

    @Test
    void simulatedFitIsTheCoxFitOnTheGivenProtocolsSimulations() {
        PlannerConfig simulation = new PlannerConfig(2, 4, ExecutionProviderChoice.CPU, 0, 0);
        List<byte[]> members = List.of(memberA, memberB);
        ScorerSpec spec = new ScorerSpec(ScorerSpec.INTENSITY_COLUMNS, ScorerSpec.Source.SIMULATED);
        SurvivalScorer fitted = ScorerFit.fit(training, spec, members, CROP, simulation, null);

        double[][] rows = new double[training.size()][];
        double[] times = new double[training.size()];
        int[] events = new int[training.size()];
        List<TaceProtocol> given = new ArrayList<>();
        try (TacePlanner planner = new TacePlanner(bundle(members), simulation)) {
            for (int i = 0; i < training.size(); i++) {
                TrainingCase c = training.get(i);
                rows[i] = planner.simulatedFeatures(c.pre(), c.given());
                times[i] = c.survivalDays();
                events[i] = c.death() ? 1 : 0;
                given.add(c.given());
            }
        }
        SurvivalScorer direct = SurvivalScorer.fit(rows, times, events, spec.columns(), ScorerSpec.Source.SIMULATED);
        assertThat(fitted.source()).isEqualTo(ScorerSpec.Source.SIMULATED);
        assertThat(fitted.coefficients()).containsExactly(direct.coefficients(), within(1e-12));
        assertThat(fitted.coefficients()).isNotEqualTo(SurvivalScorer.fit(training).coefficients());

        SurvivalScorer measured = ScorerFit.fit(training, ScorerSpec.defaults(), members, CROP, simulation, null);
        assertThat(measured.source()).isEqualTo(ScorerSpec.Source.MEASURED);
        assertThat(measured.coefficients()).containsExactly(SurvivalScorer.fit(training).coefficients(),
                within(1e-12));
    }
}

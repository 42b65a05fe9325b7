package dev.vigil.worldmodel.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.common.Sha256;
import dev.vigil.worldmodel.dynamics.DynamicsArchitecture;
import dev.vigil.worldmodel.dynamics.DynamicsOnnxExporter;
import dev.vigil.worldmodel.dynamics.DynamicsWeights;
import dev.vigil.worldmodel.onnx.ExecutionProviderChoice;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ensemble of two dynamics models (seeded random weights: different networks, no training needed) against
 * each member planning alone: the ensemble's risks, intervals, disagreement and ranking follow from the
 * members' own risks by hand.
 */
class EnsemblePlannerTest {

    private static final int CROP = 16;

    @TempDir
    static Path dir;
    static byte[] memberA;
    static byte[] memberB;
    static SurvivalScorer scorer;
    static HccCase patient;

    @BeforeAll
    static void setUp() throws IOException {
        SyntheticCohort cohort = SyntheticCohort.generate(dir.resolve("cohort"), 24, 31, CROP);
        List<TrainingCase> training = HccCases.trainingCases(cohort.data(), cohort.dir());
        scorer = SurvivalScorer.fit(training);
        patient = training.get(0).pre();
        DynamicsArchitecture architecture = new DynamicsArchitecture(CROP, 2, 16, 32, 8);
        memberA = DynamicsOnnxExporter.export(DynamicsWeights.initial(architecture, 1)).toByteArray();
        memberB = DynamicsOnnxExporter.export(DynamicsWeights.initial(architecture, 2)).toByteArray();
    }

    private static Map<String, String> manifest() {
        return Map.of("cropSize", Integer.toString(CROP));
    }

    private static Map<String, RankedPlan> byProtocol(PlanResult result) {
        return result.plans().stream().collect(Collectors.toMap(RankedPlan::protocol, Function.identity()));
    }

    private static PlanResult plan(List<byte[]> members, int k, double disagreementWeight) {
        WorldModelBundle bundle = WorldModelBundle.ofEnsemble(members, scorer, manifest());
        try (TacePlanner planner = new TacePlanner(bundle,
                new PlannerConfig(k, 9, ExecutionProviderChoice.CPU, 0, 0, disagreementWeight))) {
            return planner.plan(patient);
        }
    }

    @Test
    void ensembleRiskIsTheMeanOfTheMembersRisksAndTheIntervalSpansThem() {
        Map<String, RankedPlan> a = byProtocol(plan(List.of(memberA), 1, 0));
        Map<String, RankedPlan> b = byProtocol(plan(List.of(memberB), 1, 0));
        PlanResult ensemble = plan(List.of(memberA, memberB), 2, 0);

        // K = 2 over two members: one draw each, with the seed's first noise draw, as each member alone with K = 1.
        assertThat(ensemble.drawsPerMember()).containsExactly(1, 1);
        assertThat(ensemble.dynamicsMembers()).containsExactly(sha256(memberA), sha256(memberB));
        assertThat(ensemble.plans()).hasSize(ProtocolSpace.VALID_COUNT);
        double largestGap = 0;
        for (RankedPlan plan : ensemble.plans()) {
            double ra = a.get(plan.protocol()).risk();
            double rb = b.get(plan.protocol()).risk();
            assertThat(plan.risk()).isCloseTo((ra + rb) / 2, within(1e-9));
            assertThat(plan.riskLow()).isCloseTo(Math.min(ra, rb), within(1e-9));
            assertThat(plan.riskHigh()).isCloseTo(Math.max(ra, rb), within(1e-9));
            assertThat(plan.memberDisagreement()).isCloseTo(Math.abs(ra - rb) / 2, within(1e-9));
            largestGap = Math.max(largestGap, Math.abs(ra - rb));
        }
        // The members are different networks: their risks differ, so the checks above can fail.
        assertThat(largestGap).isGreaterThan(1e-3);
        // Ranked by the mean: rank 1 is the protocol with the lowest mean of the two members' risks.
        String best = a.keySet().stream().min(Comparator.comparingDouble(
                (String p) -> a.get(p).risk() + b.get(p).risk()).thenComparingInt(
                p -> ProtocolSpace.indexOf(dev.vigil.worldmodel.protocol.TaceProtocol.parse(p)))).orElseThrow();
        assertThat(ensemble.plans().get(0).protocol()).isEqualTo(best);
        // A single member reports no disagreement.
        assertThat(a.values()).allMatch(p -> p.memberDisagreement() == 0);
    }

    @Test
    void disagreementWeightRanksByMeanPlusWeightedSpread() {
        PlanResult plain = plan(List.of(memberA, memberB), 2, 0);
        PlanResult pessimistic = plan(List.of(memberA, memberB), 2, 2.0);
        assertThat(pessimistic.disagreementWeight()).isEqualTo(2.0);
        List<RankedPlan> plans = pessimistic.plans();
        for (int r = 1; r < plans.size(); r++) {
            assertThat(plans.get(r).risk() + 2 * plans.get(r).memberDisagreement())
                    .isGreaterThanOrEqualTo(plans.get(r - 1).risk() + 2 * plans.get(r - 1).memberDisagreement());
        }
        // Same risks, another order: the penalty moves plans the members disagree on down.
        assertThat(byProtocol(pessimistic).get(plans.get(0).protocol()).risk())
                .isEqualTo(byProtocol(plain).get(plans.get(0).protocol()).risk());
        assertThat(plans.stream().map(RankedPlan::protocol).toList())
                .isNotEqualTo(plain.plans().stream().map(RankedPlan::protocol).toList());
    }

    @Test
    void simulationsAreSharedOutRoundRobinWithAtLeastOnePerMember() {
        PlannerConfig four = new PlannerConfig(4, 1, ExecutionProviderChoice.CPU, 0, 0);
        assertThat(List.of(four.drawsForMember(0, 3), four.drawsForMember(1, 3), four.drawsForMember(2, 3)))
                .containsExactly(2, 1, 1);
        assertThat(four.drawsForMember(0, 1)).isEqualTo(4);
        PlannerConfig one = new PlannerConfig(1, 1, ExecutionProviderChoice.CPU, 0, 0);
        assertThat(one.drawsForMember(2, 3)).isEqualTo(1);
        assertThatThrownBy(() -> four.withDisagreementWeight(-1)).hasMessageContaining("disagreementWeight");
    }

    @Test
    void ensembleBundleRoundTripsAndTheSingleModelFormatStillLoads() throws IOException {
        WorldModelBundle ensemble = WorldModelBundle.ofEnsemble(List.of(memberA, memberB), scorer, manifest());
        Path folder = dir.resolve("ensemble");
        ensemble.save(folder);
        assertThat(folder.resolve("dynamics.onnx")).exists();
        assertThat(folder.resolve("dynamics-1.onnx")).exists();
        WorldModelBundle loaded = WorldModelBundle.load(folder);
        assertThat(loaded.id()).isEqualTo(ensemble.id());
        assertThat(loaded.ensembleSize()).isEqualTo(2);
        assertThat(loaded.manifest()).containsEntry("ensembleSize", "2")
                .containsEntry("format", WorldModelBundle.FORMAT)
                .containsEntry("dynamicsFiles", "dynamics.onnx,dynamics-1.onnx");
        assertThat(loaded.memberSha256()).containsExactly(sha256(memberA), sha256(memberB));

        // A one-member bundle keeps the single-model id: SHA-256 of the ONNX bytes, then the scorer JSON.
        WorldModelBundle single = WorldModelBundle.of(memberA, scorer, manifest());
        MessageDigest digest = Sha256.newDigest();
        digest.update(memberA);
        digest.update(scorer.toJson());
        assertThat(single.id()).isEqualTo(Sha256.hex(digest.digest()));
        // ... and a folder in the old format (no ensembleSize, format /1) loads as one member with that id.
        Path old = dir.resolve("v1");
        single.save(old);
        ObjectMapper json = new ObjectMapper();
        Map<String, String> manifest = json.readValue(old.resolve(WorldModelBundle.MANIFEST_FILE).toFile(),
                new TypeReference<LinkedHashMap<String, String>>() {});
        manifest.put("format", WorldModelBundle.FORMAT_V1);
        manifest.remove("ensembleSize");
        manifest.remove("dynamicsFiles");
        json.writeValue(old.resolve(WorldModelBundle.MANIFEST_FILE).toFile(), manifest);
        WorldModelBundle v1 = WorldModelBundle.load(old);
        assertThat(v1.ensembleSize()).isEqualTo(1);
        assertThat(v1.id()).isEqualTo(single.id());

        Files.write(folder.resolve("dynamics-1.onnx"), memberA);
        assertThatThrownBy(() -> WorldModelBundle.load(folder)).hasMessageContaining("dynamics-1.onnx")
                .hasMessageContaining("does not match the manifest");
        Files.delete(folder.resolve("dynamics-1.onnx"));
        assertThatThrownBy(() -> WorldModelBundle.load(folder)).hasMessageContaining("dynamics-1.onnx is missing");
        manifest.put("format", WorldModelBundle.FORMAT);
        manifest.put("ensembleSize", "0");
        json.writeValue(old.resolve(WorldModelBundle.MANIFEST_FILE).toFile(), manifest);
        assertThatThrownBy(() -> WorldModelBundle.load(old)).hasMessageContaining("ensembleSize must be a positive"
                + " integer, got '0'");
        assertThatThrownBy(() -> WorldModelBundle.ofEnsemble(List.of(), scorer, manifest()))
                .hasMessageContaining("at least one dynamics model");
    }

    private static String sha256(byte[] bytes) {
        return Sha256.hex(Sha256.newDigest().digest(bytes));
    }
}

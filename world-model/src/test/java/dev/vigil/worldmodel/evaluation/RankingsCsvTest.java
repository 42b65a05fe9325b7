package dev.vigil.worldmodel.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.worldmodel.planner.PlanResult;
import dev.vigil.worldmodel.planner.RankedPlan;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rankings.csv: one row per (patient, protocol) with the planner's scores beside the truth's E[T] under it. */
class RankingsCsvTest {

    @TempDir
    Path dir;

    @Test
    void everyRankedProtocolSitsBesideItsTrueExpectedSurvival() throws Exception {
        List<TaceProtocol> valid = ProtocolSpace.validProtocols();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("format", "vigil-hcc-ground-truth");
        ArrayNode protocols = root.putArray("protocols");
        valid.forEach(p -> protocols.add(p.label()));
        ObjectNode patient = root.putArray("patients").addObject().put("patientId", "p1").put("key", "k1")
                .put("heldOut", true).put("bestProtocolIndex", valid.size() - 1).put("givenProtocolIndex", 0);
        ArrayNode days = patient.putArray("expectedSurvivalDays");
        for (int i = 0; i < valid.size(); i++) {
            days.add(100.0 + i);   // the last protocol is the best
        }
        Path truthFile = dir.resolve("ground-truth.json");
        json.writeValue(truthFile.toFile(), root);
        GroundTruth truth = GroundTruth.load(truthFile);

        TaceProtocol best = valid.get(valid.size() - 1);
        TaceProtocol first = valid.get(0);
        PlanResult result = new PlanResult("p1", "model", "CPU", "space", "rules", List.of(), List.of(), true,
                List.of(plan(1, first, -0.25, 0.5), plan(2, best, 0.125, 0)), 10, List.of(), List.of("m"), List.of(4),
                0);
        Path csv = dir.resolve("rankings.csv");
        MewmExperiment.writeRankings(csv, Map.of("p1", result), truth);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("patient,rank,protocol,risk,risk_low,risk_high,member_sd,intensity,"
                + "true_expected_survival_days,true_best");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo("p1,1,\"" + first.label() + "\",-0.250000,-0.750000,0.250000,0.500000,"
                + (int) dev.vigil.worldmodel.planner.ScorerFeatures.intensity(first) + ",100.000,false");
        assertThat(lines.get(2)).isEqualTo("p1,2,\"" + best.label() + "\",0.125000,-0.375000,0.625000,0.000000,"
                + (int) dev.vigil.worldmodel.planner.ScorerFeatures.intensity(best) + ",279.000,true");
    }

    private static RankedPlan plan(int rank, TaceProtocol protocol, double risk, double sd) {
        return new RankedPlan(rank, protocol.label(), List.of(), risk, risk - 0.5, risk + 0.5, 400, new double[] {1},
                new double[] {1}, 2, 3, List.of(), rank == 1, sd);
    }
}

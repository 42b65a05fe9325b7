package dev.vigil.api.tace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Patients of the fixture cohort chosen from its ground truth: one without and one with contraindications. */
public record TaceFixturePatients(String eligible, String contraindicated, String contraindicationRule) {

    /** Needs {@link TaceFixture#worldModel} to have generated the cohort. */
    public static TaceFixturePatients fromGroundTruth() {
        try {
            JsonNode truth = new ObjectMapper().readTree(TaceFixture.COHORT.resolve("ground-truth.json").toFile());
            String eligible = null;
            String contraindicated = null;
            for (JsonNode patient : truth.get("patients")) {
                JsonNode rules = patient.get("contraindications");
                if (rules.isEmpty() && eligible == null) {
                    eligible = patient.get("patientId").asText();
                }
                // Child-Pugh C is coded in the FHIR data, so the planner sees it (unlike imaging-only findings).
                for (JsonNode rule : rules) {
                    if (rule.asText().equals("tace.child-pugh-c") && contraindicated == null) {
                        contraindicated = patient.get("patientId").asText();
                    }
                }
            }
            if (eligible == null || contraindicated == null) {
                throw new IllegalStateException("fixture cohort lacks an eligible or a Child-Pugh C patient");
            }
            return new TaceFixturePatients(eligible, contraindicated, "tace.child-pugh-c");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

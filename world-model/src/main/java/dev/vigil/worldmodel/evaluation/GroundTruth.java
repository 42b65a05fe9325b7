package dev.vigil.worldmodel.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The synthetic cohort's {@code ground-truth.json} (docs/methods/synthetic-hcc.md section 7): per patient the
 * true expected survival under each of the 180 valid protocols, the true best and the given protocol, the
 * held-out flag and the image files (all four written for every patient).
 */
public final class GroundTruth {

    /** One patient's truth. */
    public record PatientTruth(String patientId, String key, boolean heldOut, double[] expectedSurvivalDays,
            int bestProtocolIndex, int givenProtocolIndex, List<String> contraindications, String preCt,
            String preMask, String postCt, String postMask) {

        public TaceProtocol bestProtocol() {
            return ProtocolSpace.validProtocols().get(bestProtocolIndex);
        }

        /** True expected survival (days) under a valid protocol. */
        public double expectedSurvival(TaceProtocol protocol) {
            int index = ProtocolSpace.indexOf(protocol);
            if (index < 0) {
                throw new IllegalArgumentException(protocol.label() + " is not a valid protocol");
            }
            return expectedSurvivalDays[index];
        }
    }

    private final Map<String, PatientTruth> patients;
    private final String mostCommonGivenProtocol;

    private GroundTruth(Map<String, PatientTruth> patients, String mostCommonGivenProtocol) {
        this.patients = Collections.unmodifiableMap(patients);
        this.mostCommonGivenProtocol = mostCommonGivenProtocol;
    }

    /** Reads a cohort's ground truth, checking its protocol list against this code's protocol space. */
    public static GroundTruth load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("ground truth " + file + " does not exist");
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            if (!"vigil-hcc-ground-truth".equals(root.path("format").asText())) {
                throw new IllegalArgumentException(file + ": format is '" + root.path("format").asText()
                        + "', expected vigil-hcc-ground-truth");
            }
            List<TaceProtocol> valid = ProtocolSpace.validProtocols();
            JsonNode protocols = root.path("protocols");
            for (int i = 0; i < valid.size(); i++) {
                if (!valid.get(i).label().equals(protocols.path(i).asText())) {
                    throw new IllegalArgumentException(file + ": protocols[" + i + "] is '" + protocols.path(i).asText()
                            + "', this code's protocol space has '" + valid.get(i).label() + "'");
                }
            }
            Map<String, PatientTruth> patients = new LinkedHashMap<>();
            for (JsonNode p : root.path("patients")) {
                JsonNode es = p.path("expectedSurvivalDays");
                double[] expected = new double[es.size()];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = es.get(i).asDouble();
                }
                List<String> contraindications = new ArrayList<>();
                p.path("contraindications").forEach(c -> contraindications.add(c.asText()));
                JsonNode images = p.path("images");
                patients.put(p.path("patientId").asText(), new PatientTruth(p.path("patientId").asText(),
                        p.path("key").asText(), p.path("heldOut").asBoolean(), expected,
                        p.path("bestProtocolIndex").asInt(), p.path("givenProtocolIndex").asInt(),
                        List.copyOf(contraindications), images.path("preCt").asText(),
                        images.path("preMask").asText(), images.path("postCt").asText(),
                        images.path("postMask").asText()));
            }
            return new GroundTruth(patients, root.path("summary").path("mostCommonGivenProtocol").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ground truth " + file + ": " + e.getMessage(), e);
        }
    }

    /** The patient's truth; IllegalArgumentException naming the id when it is not in the file. */
    public PatientTruth patient(String patientId) {
        PatientTruth truth = patients.get(patientId);
        if (truth == null) {
            throw new IllegalArgumentException("patient '" + patientId + "' is not in the ground truth");
        }
        return truth;
    }

    public Map<String, PatientTruth> patients() {
        return patients;
    }

    /** Label of the protocol given most often in the whole cohort (as the generator counted it). */
    public String mostCommonGivenProtocol() {
        return mostCommonGivenProtocol;
    }
}

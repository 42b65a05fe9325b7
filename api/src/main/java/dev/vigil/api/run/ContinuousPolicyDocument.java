package dev.vigil.api.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.algo.continuous.ContinuousPolicy;
import dev.vigil.offlinerl.algo.continuous.MlpSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * How a continuous-action policy is stored (format {@value #FORMAT} version 1): its network with the scaling
 * that takes dataset units in and gives doses out, the state and action columns it reads and writes, where it
 * came from and what fitting found. {@code ./vigil export-policy} turns the network into ONNX.
 */
public record ContinuousPolicyDocument(String format, int formatVersion, List<String> stateNames,
        List<String> stateUnits, List<String> actionNames, List<String> actionUnits, MlpSnapshot network,
        PolicyProvenance provenance, Map<String, Double> summary) {

    public static final String FORMAT = "vigil-continuous-policy";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ContinuousPolicyDocument of(ContinuousPolicy policy, DatasetSchema schema) {
        return new ContinuousPolicyDocument(FORMAT, 1, schema.features().stream().map(Variable::name).toList(),
                schema.features().stream().map(Variable::unit).toList(),
                schema.actions().stream().map(Variable::name).toList(),
                schema.actions().stream().map(Variable::unit).toList(), policy.network(), policy.provenance(),
                policy.report().summary());
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether stored policy bytes are a continuous policy document. */
    public static boolean is(byte[] json) {
        try {
            JsonNode format = JSON.readTree(json).get("format");
            return format != null && FORMAT.equals(format.asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** @throws IllegalArgumentException when the bytes are not this format, naming the source */
    public static ContinuousPolicyDocument read(byte[] json, String source) {
        try {
            ContinuousPolicyDocument document = JSON.readValue(json, ContinuousPolicyDocument.class);
            if (!FORMAT.equals(document.format()) || document.formatVersion() != 1) {
                throw new IllegalArgumentException(source + " is format " + document.format() + " version "
                        + document.formatVersion() + ", not " + FORMAT + " version 1");
            }
            return document;
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not a Vigil continuous policy: " + e.getMessage(), e);
        }
    }
}

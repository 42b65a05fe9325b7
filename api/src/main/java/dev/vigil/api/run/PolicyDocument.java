package dev.vigil.api.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.algo.TrainedPolicy;
import dev.vigil.offlinerl.tabular.TabularPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A trained discrete policy as stored in the artifact store: versioned JSON with every state's action
 * probabilities, the provenance and the fit report. Readers reject unknown formats and versions.
 *
 * @param format always {@value #FORMAT}
 * @param formatVersion {@value #VERSION}
 * @param probabilities shape (states, actions)
 */
public record PolicyDocument(String format, int formatVersion, String algorithm, int states, int actions,
        double[][] probabilities, PolicyProvenance provenance, FitReport report) {

    public static final String FORMAT = "vigil-discrete-policy";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The document of a trained policy. */
    public static PolicyDocument of(TrainedPolicy policy) {
        double[][] p = new double[policy.stateCount()][];
        for (int s = 0; s < p.length; s++) {
            p[s] = policy.actionProbabilities(s);
        }
        return new PolicyDocument(FORMAT, VERSION, policy.provenance().algorithm(), policy.stateCount(),
                policy.actionCount(), p, policy.provenance(), policy.report());
    }

    public byte[] toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the stored bytes are a discretised continuous-data policy rather than a discrete policy document. */
    public static boolean isDiscretised(byte[] json) {
        try {
            return !JSON.readTree(json).has("format");
        } catch (IOException e) {
            return false;
        }
    }

    /** @throws IllegalArgumentException for another format or version, naming both */
    public static PolicyDocument read(byte[] json, String source) {
        PolicyDocument document;
        try {
            document = JSON.readValue(json, PolicyDocument.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not a Vigil policy document: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!FORMAT.equals(document.format()) || document.formatVersion() != VERSION) {
            throw new IllegalArgumentException(source + " is a " + document.format() + " v" + document.formatVersion()
                    + " document; this Vigil reads " + FORMAT + " v" + VERSION);
        }
        return document;
    }

    /** The policy as a table for evaluation. */
    public TabularPolicy asTabular() {
        return new TabularPolicy(probabilities);
    }
}

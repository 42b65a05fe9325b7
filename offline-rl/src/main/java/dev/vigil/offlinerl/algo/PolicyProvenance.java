package dev.vigil.offlinerl.algo;

import dev.vigil.common.CodeVersion;
import dev.vigil.common.Sha256;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import java.nio.charset.StandardCharsets;

/**
 * Where a policy came from: enough to retrain it and get the same numbers.
 *
 * @param algorithm the registry name, e.g. {@code ogsrl}
 * @param configJson the config as canonical JSON (fields sorted by name)
 * @param configSha256 lower-case hex SHA-256 of {@code configJson} in UTF-8
 * @param datasetSha256 the dataset's {@link TrajectoryDataset#contentHash()}
 * @param ruleSetVersion the safety rule set that produced the dataset's costs, e.g.
 *     {@code sepsis-bedside@1.0.0}; {@code none} when the algorithm reads no costs
 * @param codeVersion {@link CodeVersion#label()} of the running code
 */
public record PolicyProvenance(String algorithm, String configJson, String configSha256, String datasetSha256,
        String ruleSetVersion, String codeVersion) {

    public PolicyProvenance {
        if (algorithm == null || algorithm.isBlank() || configJson == null || ruleSetVersion == null
                || codeVersion == null) {
            throw new IllegalArgumentException("Provenance needs the algorithm, config JSON, rule set version and code "
                    + "version");
        }
        Sha256.requireHex(configSha256);
        Sha256.requireHex(datasetSha256);
    }

    /** Provenance of a policy fitted now by {@code algorithm} with {@code config} on {@code data}. */
    public static PolicyProvenance of(String algorithm, AlgorithmConfig config, TrajectoryDataset data,
            String ruleSetVersion) {
        String json = AlgorithmConfigs.toJson(config);
        return new PolicyProvenance(algorithm, json, Sha256.hex(json.getBytes(StandardCharsets.UTF_8)),
                data.contentHash(), ruleSetVersion, CodeVersion.current().label());
    }
}

package dev.vigil.worldmodel.planner;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.common.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trained world model as a folder: {@code dynamics.onnx} (the dynamics model, docs/world-model.md contract),
 * {@code scorer.json} (the survival scorer) and {@code manifest.json} (format, crop size, HU window, training
 * data hash, configuration hash, code version, file hashes, training summary). The id is the SHA-256 of the
 * two model files, so two bundles with the same id rank identically.
 */
public final class WorldModelBundle {

    public static final String FORMAT = "vigil-world-model/1";
    public static final String DYNAMICS_FILE = "dynamics.onnx";
    public static final String SCORER_FILE = "scorer.json";
    public static final String MANIFEST_FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final byte[] dynamicsOnnx;
    private final SurvivalScorer scorer;
    private final byte[] scorerJson;
    private final Map<String, String> manifest;
    private final String id;

    WorldModelBundle(byte[] dynamicsOnnx, SurvivalScorer scorer, Map<String, String> manifest) {
        this.dynamicsOnnx = dynamicsOnnx.clone();
        this.scorer = scorer;
        this.scorerJson = scorer.toJson();
        this.id = contentId(this.dynamicsOnnx, scorerJson);
        Map<String, String> m = new LinkedHashMap<>(manifest);
        m.put("format", FORMAT);
        m.put("id", id);
        m.put("dynamicsSha256", Sha256.hex(Sha256.newDigest().digest(this.dynamicsOnnx)));
        m.put("scorerSha256", Sha256.hex(Sha256.newDigest().digest(scorerJson)));
        this.manifest = Collections.unmodifiableMap(new TreeMap<>(m));
    }

    /**
     * A bundle from a dynamics ONNX model (made here or trained elsewhere: it must meet the contract in
     * docs/world-model.md, checked when a planner opens it), a scorer and manifest entries (the format, id and
     * file hashes are added). {@code cropSize} must be among the entries.
     */
    public static WorldModelBundle of(byte[] dynamicsOnnx, SurvivalScorer scorer, Map<String, String> manifest) {
        if (!manifest.containsKey("cropSize")) {
            throw new IllegalArgumentException("manifest must give cropSize (the model's crop edge in voxels)");
        }
        return new WorldModelBundle(dynamicsOnnx, scorer, manifest);
    }

    private static String contentId(byte[] onnx, byte[] scorer) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(onnx);
        digest.update(scorer);
        return Sha256.hex(digest.digest());
    }

    /** Loads a bundle folder, checking the format and the file hashes against the manifest. */
    public static WorldModelBundle load(Path dir) {
        Path manifestFile = dir.resolve(MANIFEST_FILE);
        for (Path file : new Path[] {manifestFile, dir.resolve(DYNAMICS_FILE), dir.resolve(SCORER_FILE)}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("world model bundle " + dir + ": " + file.getFileName()
                        + " is missing (" + file + ")");
            }
        }
        try {
            Map<String, String> manifest = JSON.readValue(manifestFile.toFile(),
                    new TypeReference<LinkedHashMap<String, String>>() {});
            if (!FORMAT.equals(manifest.get("format"))) {
                throw new IllegalArgumentException(manifestFile + ": format is '" + manifest.get("format")
                        + "', expected " + FORMAT);
            }
            byte[] onnx = Files.readAllBytes(dir.resolve(DYNAMICS_FILE));
            byte[] scorerJson = Files.readAllBytes(dir.resolve(SCORER_FILE));
            requireHash(dir.resolve(DYNAMICS_FILE), onnx, manifest.get("dynamicsSha256"));
            requireHash(dir.resolve(SCORER_FILE), scorerJson, manifest.get("scorerSha256"));
            SurvivalScorer scorer = SurvivalScorer.fromJson(scorerJson, dir.resolve(SCORER_FILE).toString());
            return new WorldModelBundle(onnx, scorer, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read world model bundle " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void requireHash(Path file, byte[] content, String expected) {
        String actual = Sha256.hex(Sha256.newDigest().digest(content));
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException(file + ": SHA-256 " + actual + " does not match the manifest's "
                    + expected + " (file changed or from another bundle)");
        }
    }

    /** Writes the three files into {@code dir} (created if needed). */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(DYNAMICS_FILE), dynamicsOnnx);
            Files.write(dir.resolve(SCORER_FILE), scorerJson);
            Files.write(dir.resolve(MANIFEST_FILE), JSON.writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write world model bundle to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Content hash of the dynamics model and the scorer. */
    public String id() {
        return id;
    }

    /** trainedOn (data hash), codeVersion, dynamics, scorer, protocolSpace, cropSize, huWindow, ... */
    public Map<String, String> manifest() {
        return manifest;
    }

    /** Crop edge the dynamics model takes. */
    public int cropSize() {
        return Integer.parseInt(manifest.getOrDefault("cropSize", "64"));
    }

    public SurvivalScorer scorer() {
        return scorer;
    }

    byte[] dynamicsOnnx() {
        return dynamicsOnnx.clone();
    }
}

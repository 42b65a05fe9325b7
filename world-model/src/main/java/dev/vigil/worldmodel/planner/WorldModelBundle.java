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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trained world model as a folder: one or more dynamics models (an ensemble; each an ONNX file meeting the
 * docs/world-model.md contract: {@code dynamics.onnx}, then {@code dynamics-1.onnx}, {@code dynamics-2.onnx}, ...),
 * {@code scorer.json} (the survival scorer) and {@code manifest.json} (format, ensemble size, crop size, HU window,
 * training data hash, configuration hash, code version, file hashes, training summary). The id is the SHA-256 of
 * the model files in member order, so two bundles with the same id rank identically; a one-member bundle has
 * the id it had in the single-model format {@code vigil-world-model/1}, which still loads.
 */
public final class WorldModelBundle {

    public static final String FORMAT = "vigil-world-model/2";
    /** The single-model format written before ensembles: loads as a one-member ensemble. */
    public static final String FORMAT_V1 = "vigil-world-model/1";
    public static final String DYNAMICS_FILE = "dynamics.onnx";
    public static final String SCORER_FILE = "scorer.json";
    public static final String MANIFEST_FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<byte[]> members;
    private final List<String> memberSha256;
    private final SurvivalScorer scorer;
    private final byte[] scorerJson;
    private final Map<String, String> manifest;
    private final String id;

    WorldModelBundle(List<byte[]> dynamicsMembers, SurvivalScorer scorer, Map<String, String> manifest) {
        if (dynamicsMembers.isEmpty()) {
            throw new IllegalArgumentException("a world model needs at least one dynamics model");
        }
        List<byte[]> copies = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (byte[] member : dynamicsMembers) {
            copies.add(member.clone());
            hashes.add(Sha256.hex(Sha256.newDigest().digest(member)));
        }
        this.members = List.copyOf(copies);
        this.memberSha256 = List.copyOf(hashes);
        this.scorer = scorer;
        this.scorerJson = scorer.toJson();
        this.id = contentId(members, scorerJson);
        Map<String, String> m = new LinkedHashMap<>(manifest);
        m.put("format", FORMAT);
        m.put("id", id);
        m.put("ensembleSize", Integer.toString(members.size()));
        m.put("dynamicsFiles", String.join(",", fileNames(members.size())));
        m.put("dynamicsSha256", String.join(",", memberSha256));
        m.put("scorerSha256", Sha256.hex(Sha256.newDigest().digest(scorerJson)));
        this.manifest = Collections.unmodifiableMap(new TreeMap<>(m));
    }

    /**
     * A bundle from a dynamics ONNX model (made here or trained elsewhere: it must meet the contract in
     * docs/world-model.md, checked when a planner opens it), a scorer and manifest entries (the format, id and
     * file hashes are added). {@code cropSize} must be among the entries.
     */
    public static WorldModelBundle of(byte[] dynamicsOnnx, SurvivalScorer scorer, Map<String, String> manifest) {
        return ofEnsemble(List.of(dynamicsOnnx), scorer, manifest);
    }

    /** Like {@link #of} with several dynamics models (an ensemble; the planner averages their simulations). */
    public static WorldModelBundle ofEnsemble(List<byte[]> dynamicsMembers, SurvivalScorer scorer,
            Map<String, String> manifest) {
        if (!manifest.containsKey("cropSize")) {
            throw new IllegalArgumentException("manifest must give cropSize (the model's crop edge in voxels)");
        }
        return new WorldModelBundle(dynamicsMembers, scorer, manifest);
    }

    /** File name of ensemble member {@code i}: {@code dynamics.onnx} for the first, {@code dynamics-i.onnx} after. */
    public static String dynamicsFile(int member) {
        return member == 0 ? DYNAMICS_FILE : "dynamics-" + member + ".onnx";
    }

    private static List<String> fileNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(dynamicsFile(i));
        }
        return names;
    }

    private static String contentId(List<byte[]> onnx, byte[] scorer) {
        MessageDigest digest = Sha256.newDigest();
        onnx.forEach(digest::update);
        digest.update(scorer);
        return Sha256.hex(digest.digest());
    }

    /**
     * Loads a bundle folder, checking the format and every file's hash against the manifest. A
     * {@code vigil-world-model/1} folder (one {@code dynamics.onnx}) loads as a one-member ensemble.
     */
    public static WorldModelBundle load(Path dir) {
        Path manifestFile = dir.resolve(MANIFEST_FILE);
        requireFile(dir, manifestFile);
        try {
            Map<String, String> manifest = JSON.readValue(manifestFile.toFile(),
                    new TypeReference<LinkedHashMap<String, String>>() {});
            String format = manifest.get("format");
            if (!FORMAT.equals(format) && !FORMAT_V1.equals(format)) {
                throw new IllegalArgumentException(manifestFile + ": format is '" + format + "', expected " + FORMAT
                        + " (or " + FORMAT_V1 + ")");
            }
            int size = ensembleSize(manifest, manifestFile, format);
            String[] hashes = String.valueOf(manifest.get("dynamicsSha256")).split(",");
            if (hashes.length != size) {
                throw new IllegalArgumentException(manifestFile + ": ensembleSize is " + size + " but dynamicsSha256"
                        + " lists " + hashes.length + " hashes");
            }
            List<byte[]> members = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Path file = dir.resolve(dynamicsFile(i));
                requireFile(dir, file);
                byte[] onnx = Files.readAllBytes(file);
                requireHash(file, onnx, hashes[i]);
                members.add(onnx);
            }
            Path scorerFile = dir.resolve(SCORER_FILE);
            requireFile(dir, scorerFile);
            byte[] scorerJson = Files.readAllBytes(scorerFile);
            requireHash(scorerFile, scorerJson, manifest.get("scorerSha256"));
            SurvivalScorer scorer = SurvivalScorer.fromJson(scorerJson, scorerFile.toString());
            return new WorldModelBundle(members, scorer, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read world model bundle " + dir + ": " + e.getMessage(), e);
        }
    }

    private static int ensembleSize(Map<String, String> manifest, Path manifestFile, String format) {
        if (FORMAT_V1.equals(format)) {
            return 1;
        }
        String value = manifest.get("ensembleSize");
        try {
            int size = Integer.parseInt(String.valueOf(value));
            if (size < 1) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(manifestFile + ": ensembleSize must be a positive integer, got '"
                    + value + "'", e);
        }
    }

    private static void requireFile(Path dir, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("world model bundle " + dir + ": " + file.getFileName()
                    + " is missing (" + file + ")");
        }
    }

    private static void requireHash(Path file, byte[] content, String expected) {
        String actual = Sha256.hex(Sha256.newDigest().digest(content));
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException(file + ": SHA-256 " + actual + " does not match the manifest's "
                    + expected + " (file changed or from another bundle)");
        }
    }

    /** Writes the model files, the scorer and the manifest into {@code dir} (created if needed). */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < members.size(); i++) {
                Files.write(dir.resolve(dynamicsFile(i)), members.get(i));
            }
            Files.write(dir.resolve(SCORER_FILE), scorerJson);
            Files.write(dir.resolve(MANIFEST_FILE), JSON.writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write world model bundle to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Content hash of the dynamics models (in member order) and the scorer. */
    public String id() {
        return id;
    }

    /** trainedOn (data hash), codeVersion, dynamics, scorer, protocolSpace, cropSize, huWindow, ... */
    public Map<String, String> manifest() {
        return manifest;
    }

    /** Crop edge the dynamics models take. */
    public int cropSize() {
        return Integer.parseInt(manifest.getOrDefault("cropSize", "64"));
    }

    public SurvivalScorer scorer() {
        return scorer;
    }

    /** Number of dynamics models (1 = a single model). */
    public int ensembleSize() {
        return members.size();
    }

    /** SHA-256 of each dynamics model's ONNX bytes, in member order. */
    public List<String> memberSha256() {
        return memberSha256;
    }

    byte[] dynamicsOnnx(int member) {
        return members.get(member).clone();
    }
}

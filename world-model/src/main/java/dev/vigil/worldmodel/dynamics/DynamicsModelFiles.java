package dev.vigil.worldmodel.dynamics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.common.CodeVersion;
import dev.vigil.common.Sha256;
import dev.vigil.worldmodel.onnx.TensorSpec;
import dev.vigil.worldmodel.onnx.WorldModelContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained dynamics model on disk, in one directory:
 * <ul>
 *   <li>{@value #PARAMETERS}: the parameters as a DJL {@link NDList} (named arrays, layout order);</li>
 *   <li>{@value #MANIFEST}: format, architecture, input/output contract, training configuration, data hash,
 *       sample count, per-epoch losses, the parameters' SHA-256 and the code version.</li>
 * </ul>
 * Files are written to a temporary name and renamed, so a crash never leaves half a file under the real name.
 */
public final class DynamicsModelFiles {

    /** Parameter file name. */
    public static final String PARAMETERS = "dynamics.params";
    /** Manifest file name. */
    public static final String MANIFEST = "dynamics-manifest.json";
    /**
     * Manifest format identifier. Version 2: the conditioning layer also reads protocol x phenotype products
     * (wider {@code cond.w}) and the training config has {@code tumourCtWeight}. Version 3: the architecture has
     * {@code drugClassColumns} (when set, {@code cond.w} is wider again) and the training config
     * {@code drugInteractionDecay}. Older files are refused.
     */
    public static final String FORMAT = "vigil-dynamics/3";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DynamicsModelFiles() {}

    /** Writes the model's parameters and manifest into {@code directory} (created if needed). */
    public static void save(TrainedDynamicsModel model, Path directory) throws IOException {
        Files.createDirectories(directory);
        byte[] parameters;
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            NDList list = new NDList();
            for (NamedTensor tensor : model.weights().tensors()) {
                NDArray array = manager.create(tensor.values(), new Shape(tensor.shape()));
                array.setName(tensor.name());
                list.add(array);
            }
            parameters = list.encode();
        }
        writeAtomically(directory.resolve(PARAMETERS), parameters);
        writeAtomically(directory.resolve(MANIFEST), JSON.writeValueAsBytes(manifest(model, parameters)));
    }

    /** Reads a model written by {@link #save}; checks the format and the parameters' hash. */
    public static TrainedDynamicsModel load(Path directory) throws IOException {
        Path manifestFile = directory.resolve(MANIFEST);
        Path parameterFile = directory.resolve(PARAMETERS);
        JsonNode manifest = JSON.readTree(manifestFile.toFile());
        String format = manifest.path("format").asText();
        if (!FORMAT.equals(format)) {
            throw new IOException(manifestFile + ": format is '" + format + "', expected " + FORMAT);
        }
        byte[] parameters = Files.readAllBytes(parameterFile);
        String hash = Sha256.hex(Sha256.newDigest().digest(parameters));
        if (!hash.equals(manifest.path("parametersSha256").asText())) {
            throw new IOException(parameterFile + ": SHA-256 " + hash + " differs from the manifest's "
                    + manifest.path("parametersSha256").asText() + " (file changed or from another model)");
        }
        DynamicsArchitecture architecture = JSON.treeToValue(manifest.get("architecture"),
                DynamicsArchitecture.class);
        TrainingConfig config = JSON.treeToValue(manifest.get("training"), TrainingConfig.class);
        List<EpochReport> history = new ArrayList<>();
        for (JsonNode epoch : manifest.path("history")) {
            history.add(JSON.treeToValue(epoch, EpochReport.class));
        }
        List<NamedTensor> tensors = new ArrayList<>();
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            for (NDArray array : NDList.decode(manager, parameters)) {
                tensors.add(new NamedTensor(array.getName(), array.getShape().getShape(), array.toFloatArray()));
            }
        }
        DynamicsWeights weights;
        try {
            weights = new DynamicsWeights(architecture, tensors);
        } catch (IllegalArgumentException e) {
            throw new IOException(parameterFile + ": " + e.getMessage(), e);
        }
        return new TrainedDynamicsModel(weights, config, manifest.path("dataHash").asText(),
                manifest.path("sampleCount").asInt(), history);
    }

    private static ObjectNode manifest(TrainedDynamicsModel model, byte[] parameters) {
        DynamicsArchitecture a = model.weights().architecture();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("model", "conditional VAE (FiLM-conditioned latent grid, prior noise at inference)");
        root.set("architecture", JSON.valueToTree(a));
        ObjectNode contract = root.putObject("contract");
        contract.set("inputs", specs(WorldModelContract.inputs(a.size(), a.noiseDim())));
        contract.set("outputs", specs(WorldModelContract.outputs(a.size())));
        ArrayNode vocabulary = contract.putArray("protocolVocabulary");
        ProtocolVocabulary.TERMS.forEach(vocabulary::add);
        contract.put("volumeOrder", "x fastest: index = (z * S + y) * S + x; CT windowed to [0, 1]");
        root.set("training", JSON.valueToTree(model.config()));
        root.put("dataHash", model.dataHash());
        root.put("sampleCount", model.sampleCount());
        root.set("history", JSON.valueToTree(model.history()));
        root.put("parametersSha256", Sha256.hex(Sha256.newDigest().digest(parameters)));
        root.put("codeVersion", CodeVersion.current().label());
        return root;
    }

    private static ArrayNode specs(List<TensorSpec> specs) {
        ArrayNode array = JSON.createArrayNode();
        for (TensorSpec spec : specs) {
            ObjectNode node = array.addObject();
            node.put("name", spec.name());
            node.put("type", "float32");
            ArrayNode shape = node.putArray("shape");
            for (long d : spec.shape()) {
                if (d < 0) {
                    shape.add("batch");
                } else {
                    shape.add(d);
                }
            }
        }
        return array;
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(),
                ".tmp");
        Files.write(temporary, bytes);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

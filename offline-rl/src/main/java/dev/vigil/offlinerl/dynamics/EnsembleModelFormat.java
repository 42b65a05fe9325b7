package dev.vigil.offlinerl.dynamics;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Versioned binary format of a {@link GaussianEnsembleModel} (big-endian, {@link DataOutputStream}):
 *
 * <pre>
 * bytes[8]  magic "VGLDYNEN"
 * int       version (1)
 * int n, bytes[n]   configuration as UTF-8 JSON (every GaussianEnsembleConfig field, plus
 *                   stateDimension and actionDimension)
 * double[s] delta mean;  double[s] delta standard deviation
 * per member (config.members): int layers; per layer: int inputs, int outputs,
 *                   float[outputs * inputs] weights (row-major by output), float[outputs] bias
 * </pre>
 *
 * Raw float32 parameters, exactly as trained, so a loaded model predicts bit-for-bit what the saved one
 * did. Unknown magic or version is refused; no Java serialisation.
 */
public final class EnsembleModelFormat {

    /** The file's first eight bytes. */
    public static final byte[] MAGIC = "VGLDYNEN".getBytes(StandardCharsets.US_ASCII);
    /** The version this build writes and the only one it reads. */
    public static final int CURRENT_VERSION = 1;

    private EnsembleModelFormat() {}

    /** Writes {@code model} to {@code out} (not closed). */
    public static void write(GaussianEnsembleModel model, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeInt(CURRENT_VERSION);
        byte[] json = configJson(model).getBytes(StandardCharsets.UTF_8);
        data.writeInt(json.length);
        data.write(json);
        for (double v : model.deltaMean()) {
            data.writeDouble(v);
        }
        for (double v : model.deltaStd()) {
            data.writeDouble(v);
        }
        for (GaussianMlp member : model.members()) {
            data.writeInt(member.layers().size());
            for (DenseLayer layer : member.layers()) {
                data.writeInt(layer.inputs());
                data.writeInt(layer.outputs());
                for (float w : layer.weights()) {
                    data.writeFloat(w);
                }
                for (float b : layer.bias()) {
                    data.writeFloat(b);
                }
            }
        }
        data.flush();
    }

    /**
     * Reads a model written by {@link #write}; its sampler is seeded with the configuration's seed.
     *
     * @throws DynamicsFormatException if the magic, version or content is wrong
     */
    public static GaussianEnsembleModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        data.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new DynamicsFormatException("Not a Vigil dynamics ensemble (bad magic); pass a file written by "
                    + "EnsembleModelFormat.write");
        }
        int version = data.readInt();
        if (version != CURRENT_VERSION) {
            throw new DynamicsFormatException("Dynamics ensemble format version " + version + " is not supported; "
                    + "this build reads version " + CURRENT_VERSION + ": retrain the ensemble or load it with the"
                    + " Vigil release that wrote it");
        }
        int jsonLength = data.readInt();
        if (jsonLength <= 0 || jsonLength > 1 << 20) {
            throw new DynamicsFormatException("Configuration length " + jsonLength + " is implausible; the file is "
                    + "damaged");
        }
        byte[] json = new byte[jsonLength];
        data.readFully(json);
        JsonObject object;
        GaussianEnsembleConfig config;
        int s;
        int a;
        try {
            object = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
            config = new GaussianEnsembleConfig(object.get("members").getAsInt(),
                    object.get("historyLength").getAsInt(), object.get("hiddenWidth").getAsInt(),
                    object.get("hiddenLayers").getAsInt(), object.get("learningRate").getAsDouble(),
                    object.get("batchSize").getAsInt(), object.get("maxEpochs").getAsInt(),
                    object.get("patience").getAsInt(), object.get("holdoutFraction").getAsDouble(),
                    object.get("minLogVariance").getAsDouble(), object.get("maxLogVariance").getAsDouble(),
                    object.get("seed").getAsLong());
            s = object.get("stateDimension").getAsInt();
            a = object.get("actionDimension").getAsInt();
        } catch (RuntimeException e) {
            throw new DynamicsFormatException("The configuration block is not a valid ensemble configuration: "
                    + e.getMessage(), e);
        }
        if (s < 1 || a < 0) {
            throw new DynamicsFormatException("Dimensions s=" + s + ", a=" + a + " are invalid; the file is damaged");
        }
        double[] deltaMean = readDoubles(data, s);
        double[] deltaStd = readDoubles(data, s);
        List<GaussianMlp> members = new ArrayList<>();
        try {
            for (int m = 0; m < config.members(); m++) {
                int layerCount = data.readInt();
                if (layerCount < 1 || layerCount > 1000) {
                    throw new DynamicsFormatException("Member " + m + " has " + layerCount + " layers; the file is "
                            + "damaged");
                }
                List<DenseLayer> layers = new ArrayList<>();
                for (int l = 0; l < layerCount; l++) {
                    int inputs = data.readInt();
                    int outputs = data.readInt();
                    if (inputs < 1 || outputs < 1 || (long) inputs * outputs > 100_000_000L) {
                        throw new DynamicsFormatException("Layer " + l + " of member " + m + " is " + inputs + " -> "
                                + outputs + "; the file is damaged");
                    }
                    layers.add(new DenseLayer(inputs, outputs, readFloats(data, inputs * outputs),
                            readFloats(data, outputs)));
                }
                members.add(new GaussianMlp(layers));
            }
            return new GaussianEnsembleModel(config, s, a, deltaMean, deltaStd, members, config.seed());
        } catch (IllegalArgumentException e) {
            throw new DynamicsFormatException("The ensemble's parameters do not fit its configuration: "
                    + e.getMessage(), e);
        }
    }

    private static String configJson(GaussianEnsembleModel model) {
        GaussianEnsembleConfig c = model.config();
        JsonObject object = new JsonObject();
        object.addProperty("members", c.members());
        object.addProperty("historyLength", c.historyLength());
        object.addProperty("hiddenWidth", c.hiddenWidth());
        object.addProperty("hiddenLayers", c.hiddenLayers());
        object.addProperty("learningRate", c.learningRate());
        object.addProperty("batchSize", c.batchSize());
        object.addProperty("maxEpochs", c.maxEpochs());
        object.addProperty("patience", c.patience());
        object.addProperty("holdoutFraction", c.holdoutFraction());
        object.addProperty("minLogVariance", c.minLogVariance());
        object.addProperty("maxLogVariance", c.maxLogVariance());
        object.addProperty("seed", c.seed());
        object.addProperty("stateDimension", model.stateDimension());
        object.addProperty("actionDimension", model.actionDimension());
        return object.toString();
    }

    private static double[] readDoubles(DataInputStream data, int n) throws IOException {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = data.readDouble();
        }
        return out;
    }

    private static float[] readFloats(DataInputStream data, int n) throws IOException {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = data.readFloat();
        }
        return out;
    }
}

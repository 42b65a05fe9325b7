package dev.vigil.offlinerl.algo.continuous;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checkpoints as binary files {@code checkpoint-000042.bin} in one directory (big-endian doubles, exact). Each is
 * written to a temporary file in the same directory and moved into place atomically.
 */
public final class DirectoryCheckpointStore implements CheckpointStore {

    private static final int MAGIC = 0x56434B31;   // "VCK1"
    private final Path directory;

    public DirectoryCheckpointStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the checkpoint directory " + directory, e);
        }
    }

    @Override
    public void save(Checkpoint c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(c.configJson());
            out.writeInt(c.iteration());
            writeArray(out, c.policyParameters());
            writeMatrix(out, c.value());
            writeMatrix(out, c.costValue());
            out.writeDouble(c.lambdaCost());
            out.writeDouble(c.lambdaOod());
            writeSnapshot(out, c.policy());
            TreeMap<String, Double> metrics = new TreeMap<>(c.metrics());
            out.writeInt(metrics.size());
            for (Map.Entry<String, Double> m : metrics.entrySet()) {
                out.writeUTF(m.getKey());
                out.writeDouble(m.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path target = file(c.iteration());
        try {
            Path tmp = Files.createTempFile(directory, "checkpoint-", ".tmp");
            Files.write(tmp, bytes.toByteArray());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write checkpoint " + target, e);
        }
    }

    @Override
    public Optional<Checkpoint> latest() {
        List<Integer> its = iterations();
        return its.isEmpty() ? Optional.empty() : Optional.of(load(its.get(its.size() - 1)));
    }

    @Override
    public List<Integer> iterations() {
        List<Integer> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.matches("checkpoint-\\d+\\.bin"))
                    .forEach(n -> out.add(Integer.parseInt(n.substring(11, n.length() - 4))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list checkpoints in " + directory, e);
        }
        out.sort(null);
        return out;
    }

    @Override
    public Checkpoint load(int iteration) {
        Path file = file(iteration);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("No checkpoint of iteration " + iteration + " in " + directory);
        }
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException(file + " is not a Vigil checkpoint (bad magic number)");
            }
            String config = in.readUTF();
            int it = in.readInt();
            double[] policy = readArray(in);
            double[][] value = readMatrix(in);
            double[][] costValue = readMatrix(in);
            double lc = in.readDouble();
            double lo = in.readDouble();
            MlpSnapshot snapshot = readSnapshot(in);
            int m = in.readInt();
            Map<String, Double> metrics = new TreeMap<>();
            for (int i = 0; i < m; i++) {
                metrics.put(in.readUTF(), in.readDouble());
            }
            return new Checkpoint(config, it, policy, value, costValue, lc, lo, snapshot, metrics);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read checkpoint " + file, e);
        }
    }

    private Path file(int iteration) {
        return directory.resolve(String.format("checkpoint-%06d.bin", iteration));
    }

    private static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    private static double[] readArray(DataInputStream in) throws IOException {
        double[] a = new double[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    private static void writeMatrix(DataOutputStream out, double[][] m) throws IOException {
        out.writeInt(m.length);
        for (double[] row : m) {
            writeArray(out, row);
        }
    }

    private static double[][] readMatrix(DataInputStream in) throws IOException {
        double[][] m = new double[in.readInt()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = readArray(in);
        }
        return m;
    }

    private static void writeSnapshot(DataOutputStream out, MlpSnapshot s) throws IOException {
        out.writeInt(s.layers().size());
        for (MlpSnapshot.Layer l : s.layers()) {
            out.writeInt(l.inputs());
            out.writeInt(l.outputs());
            out.writeUTF(l.activation().name());
            for (float w : l.weights()) {
                out.writeFloat(w);
            }
            for (float b : l.bias()) {
                out.writeFloat(b);
            }
        }
        writeArray(out, s.inputScale());
        writeArray(out, s.inputShift());
        writeArray(out, s.outputScale());
        writeArray(out, s.outputShift());
    }

    private static MlpSnapshot readSnapshot(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<MlpSnapshot.Layer> layers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int inputs = in.readInt();
            int outputs = in.readInt();
            MlpSnapshot.Activation act = MlpSnapshot.Activation.valueOf(in.readUTF());
            float[] w = new float[inputs * outputs];
            for (int k = 0; k < w.length; k++) {
                w[k] = in.readFloat();
            }
            float[] b = new float[outputs];
            for (int k = 0; k < b.length; k++) {
                b[k] = in.readFloat();
            }
            layers.add(new MlpSnapshot.Layer(inputs, outputs, w, b, act));
        }
        return new MlpSnapshot(layers, readArray(in), readArray(in), readArray(in), readArray(in));
    }
}

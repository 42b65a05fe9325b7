package dev.vigil.ingestion.dataset;

import dev.vigil.common.Sha256;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The binary dataset file, format {@value #FORMAT_VERSION}: everything a dataset holds, for the artifact
 * store. No Java serialisation; big-endian {@link DataOutputStream} primitives.
 *
 * <pre>
 * magic        4 bytes "VGDS"
 * version      int (1)
 * metadata     UTF name, UTF cohortSpecId, UTF cohortSpecVersion, long blocLength seconds
 * extras       int episodes, then per episode:
 *                byte 0 | 1 provenance, then when 1:
 *                  long anchor epoch second, int nano, long start epoch second, int nano,
 *                  int resources, resources x UTF, int steps, per step: int n, n x int index
 *                int links, per link: byte 0 | 1 time (then long epoch second, int nano), UTF url, UTF resource
 * content      the canonical content ({@link DatasetContent}), the bytes of the content hash
 * trailer      32 bytes: SHA-256 of the content section, checked on reading
 * </pre>
 *
 * <p>Readers reject other magic numbers, other versions, a content hash that does not match and bytes after
 * the trailer. A saved file of every version stays in the test resources with a test that reads it.
 */
public final class DatasetCodec {

    /** The format version this code writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = {'V', 'G', 'D', 'S'};
    private static final int BUFFER = 1 << 16;

    private DatasetCodec() {
    }

    /** Writes {@code dataset} to {@code out}, which is flushed but not closed. */
    public static void write(TrajectoryDataset dataset, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, BUFFER));
        data.write(MAGIC);
        data.writeInt(FORMAT_VERSION);
        DatasetSchema schema = dataset.schema();
        data.writeUTF(schema.name());
        data.writeUTF(schema.cohortSpecId());
        data.writeUTF(schema.cohortSpecVersion());
        data.writeLong(schema.blocLength().getSeconds());
        data.writeInt(dataset.episodes().size());
        for (Episode episode : dataset.episodes()) {
            writeExtras(episode, data);
        }
        data.flush();
        MessageDigest digest = Sha256.newDigest();
        DataOutputStream content = new DataOutputStream(new DigestOutputStream(data, digest));
        DatasetContent.write(dataset, content);
        content.flush();
        data.write(digest.digest());
        data.flush();
    }

    /** The file's bytes. */
    public static byte[] toBytes(TrajectoryDataset dataset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(dataset, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a dataset file; {@code in} is read to its end but not closed.
     *
     * @param source names the input in error messages, e.g. the file or the artifact hash
     * @throws DatasetFormatException when the bytes are not a dataset file of a supported version, or are
     *     damaged
     * @throws IOException when reading fails
     */
    public static TrajectoryDataset read(InputStream in, String source) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in, BUFFER));
        try {
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new DatasetFormatException(source + " is not a Vigil dataset file: it starts with "
                        + HexFormat.of().formatHex(magic) + ", not 'VGDS'");
            }
            int version = data.readInt();
            if (version != FORMAT_VERSION) {
                throw new DatasetFormatException(source + " is a dataset file of format version " + version
                        + ", which this Vigil cannot read (it reads version " + FORMAT_VERSION + "); use the Vigil "
                        + "release that wrote it, or export it to CSV there");
            }
            DatasetContent.Metadata metadata = new DatasetContent.Metadata(data.readUTF(), data.readUTF(),
                    data.readUTF(), Duration.ofSeconds(data.readLong()));
            int count = requireCount(data.readInt(), "episodes");
            List<DatasetContent.EpisodeExtras> extras = new ArrayList<>();
            for (int e = 0; e < count; e++) {
                extras.add(readExtras(data));
            }
            MessageDigest digest = Sha256.newDigest();
            DataInputStream content = new DataInputStream(new DigestInputStream(data, digest));
            TrajectoryDataset dataset = DatasetContent.read(content, metadata, extras);
            if (dataset.episodes().size() != count) {
                throw new DatasetFormatException(source + " lists " + count + " episodes in its provenance section but "
                        + dataset.episodes().size() + " in its content; the file is damaged");
            }
            byte[] expected = digest.digest();
            byte[] stored = new byte[expected.length];
            data.readFully(stored);
            if (!Arrays.equals(expected, stored)) {
                throw new DatasetFormatException(source + " is damaged: its content hash does not match the content; "
                        + "fetch it again from the artifact store or re-run the ingestion");
            }
            if (data.read() != -1) {
                throw new DatasetFormatException(source + " has bytes after its end; the file is damaged");
            }
            return dataset;
        } catch (EOFException e) {
            throw new DatasetFormatException(source + " ends early: the dataset file is truncated", e);
        } catch (DamagedFileException | UTFDataFormatException | IllegalArgumentException | DateTimeException e) {
            throw new DatasetFormatException(source + " is damaged: " + e.getMessage(), e);
        }
    }

    static int requireCount(int count, String what) throws DamagedFileException {
        if (count < 0) {
            throw new DamagedFileException("negative number of " + what + " (" + count + ")");
        }
        return count;
    }

    /** Bytes that cannot be a dataset file of this version, as opposed to a failure to read them. */
    static final class DamagedFileException extends IOException {
        DamagedFileException(String message) {
            super(message);
        }
    }

    private static void writeExtras(Episode episode, DataOutputStream out) throws IOException {
        EpisodeProvenance provenance = episode.provenance();
        if (provenance == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            writeInstant(provenance.anchor(), out);
            writeInstant(provenance.start(), out);
            out.writeInt(provenance.resources().size());
            for (String resource : provenance.resources()) {
                out.writeUTF(resource);
            }
            out.writeInt(provenance.steps());
            for (int t = 0; t < provenance.steps(); t++) {
                int[] indexes = provenance.indexesOf(t);
                out.writeInt(indexes.length);
                for (int index : indexes) {
                    out.writeInt(index);
                }
            }
        }
        out.writeInt(episode.imaging().size());
        for (ImagingLink link : episode.imaging()) {
            if (link.time() == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                writeInstant(link.time(), out);
            }
            out.writeUTF(link.url());
            out.writeUTF(link.resource());
        }
    }

    private static DatasetContent.EpisodeExtras readExtras(DataInputStream in) throws IOException {
        EpisodeProvenance provenance = null;
        if (readFlag(in, "provenance")) {
            Instant anchor = readInstant(in);
            Instant start = readInstant(in);
            int resourceCount = requireCount(in.readInt(), "resources");
            List<String> resources = new ArrayList<>();
            for (int i = 0; i < resourceCount; i++) {
                resources.add(in.readUTF());
            }
            int steps = requireCount(in.readInt(), "steps");
            int[][] indexes = new int[steps][];
            for (int t = 0; t < steps; t++) {
                indexes[t] = new int[requireCount(in.readInt(), "resources of a step")];
                for (int i = 0; i < indexes[t].length; i++) {
                    indexes[t][i] = in.readInt();
                }
            }
            provenance = new EpisodeProvenance(anchor, start, resources, indexes);
        }
        int linkCount = requireCount(in.readInt(), "imaging links");
        List<ImagingLink> links = new ArrayList<>();
        for (int i = 0; i < linkCount; i++) {
            Instant time = readFlag(in, "link time") ? readInstant(in) : null;
            links.add(new ImagingLink(time, in.readUTF(), in.readUTF()));
        }
        return new DatasetContent.EpisodeExtras(provenance, links);
    }

    private static boolean readFlag(DataInputStream in, String what) throws IOException {
        byte flag = in.readByte();
        if (flag != 0 && flag != 1) {
            throw new DamagedFileException("the " + what + " marker is " + flag + " (expected 0 or 1)");
        }
        return flag == 1;
    }

    private static void writeInstant(Instant instant, DataOutputStream out) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}

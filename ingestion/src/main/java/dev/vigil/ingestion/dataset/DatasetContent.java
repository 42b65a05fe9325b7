package dev.vigil.ingestion.dataset;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical binary serialisation of a dataset's content: the bytes its content hash is taken over, and
 * the middle section of a {@code VGDS} file. Big-endian ({@link DataOutputStream}); doubles as
 * {@link Double#doubleToLongBits} (one NaN); strings as modified UTF-8 ({@code writeUTF}).
 *
 * <pre>
 * schema:  byte stateKind (0 continuous, 1 discrete), int stateSize, int n, n x (UTF name, UTF unit)
 *          byte actionKind, int actionSize, int m, m x (UTF name, UTF unit)
 *          boolean hasRewards, boolean hasCosts
 * int episodes, then per episode:
 *          UTF id, int steps
 *          states:  continuous: steps x n doubles (row-major), then steps x n missing bits packed
 *                   row-major into ceil(steps * n / 8) bytes, most significant bit first
 *                   discrete:   steps ints
 *          actions: continuous: steps x m doubles; discrete: steps ints
 *          rewards: steps doubles when hasRewards; costs: steps doubles when hasCosts
 *          outcome: byte 0 (unknown) or 1, then boolean event, double days
 * </pre>
 */
final class DatasetContent {

    private DatasetContent() {
    }

    static void write(TrajectoryDataset dataset, DataOutputStream out) throws IOException {
        DatasetSchema schema = dataset.schema();
        writeSpace(schema.stateType(), schema.features(), out);
        writeSpace(schema.actionType(), schema.actions(), out);
        out.writeBoolean(schema.hasRewards());
        out.writeBoolean(schema.hasCosts());
        out.writeInt(dataset.episodes().size());
        for (Episode episode : dataset.episodes()) {
            writeEpisode(episode, out);
        }
    }

    /** Reads what {@link #write} wrote; {@code metadata} supplies what the content section does not hold. */
    static TrajectoryDataset read(DataInputStream in, Metadata metadata, List<EpisodeExtras> extras)
            throws IOException {
        SpaceType stateType = readSpaceType(in);
        List<Variable> features = readVariables(in);
        SpaceType actionType = readSpaceType(in);
        List<Variable> actions = readVariables(in);
        boolean hasRewards = in.readBoolean();
        boolean hasCosts = in.readBoolean();
        DatasetSchema schema = new DatasetSchema(metadata.name(), stateType, features, actionType, actions, hasRewards,
                hasCosts, metadata.cohortSpecId(), metadata.cohortSpecVersion(), metadata.blocLength());
        int count = DatasetCodec.requireCount(in.readInt(), "episodes");
        List<Episode> episodes = new ArrayList<>();
        for (int e = 0; e < count; e++) {
            episodes.add(readEpisode(in, schema, extras.isEmpty() ? EpisodeExtras.NONE : extras.get(e)));
        }
        return new TrajectoryDataset(schema, episodes);
    }

    /** Content-free parts of an episode, stored elsewhere in the file. */
    record EpisodeExtras(EpisodeProvenance provenance, List<ImagingLink> imaging) {
        static final EpisodeExtras NONE = new EpisodeExtras(null, List.of());
    }

    /** Content-free parts of the schema. */
    record Metadata(String name, String cohortSpecId, String cohortSpecVersion, Duration blocLength) {
    }

    static Episode readEpisode(DataInputStream in, DatasetSchema schema, EpisodeExtras extras) throws IOException {
        String id = in.readUTF();
        int steps = DatasetCodec.requireCount(in.readInt(), "steps");
        States states;
        if (schema.stateType().isDiscrete()) {
            states = new DiscreteStates(readInts(in, steps));
        } else {
            int width = schema.features().size();
            double[][] values = readDoubles(in, steps, width);
            boolean[][] missing = unpack(in, steps, width);
            states = new ContinuousStates(values, missing);
        }
        Actions actions = schema.actionType().isDiscrete() ? new DiscreteActions(readInts(in, steps))
                : new ContinuousActions(readDoubles(in, steps, schema.actions().size()));
        double[] rewards = schema.hasRewards() ? readDoubles(in, 1, steps)[0] : null;
        double[] costs = schema.hasCosts() ? readDoubles(in, 1, steps)[0] : null;
        Outcome outcome = null;
        byte hasOutcome = in.readByte();
        if (hasOutcome == 1) {
            outcome = new Outcome(in.readBoolean(), in.readDouble());
        } else if (hasOutcome != 0) {
            throw new DatasetCodec.DamagedFileException("episode " + id + " has outcome marker " + hasOutcome
                    + " (expected 0 or 1)");
        }
        return new Episode(id, states, actions, rewards, costs, outcome, extras.provenance(), extras.imaging());
    }

    private static void writeSpace(SpaceType type, List<Variable> variables, DataOutputStream out) throws IOException {
        out.writeByte(type.kind().ordinal());
        out.writeInt(type.size());
        out.writeInt(variables.size());
        for (Variable variable : variables) {
            out.writeUTF(variable.name());
            out.writeUTF(variable.unit());
        }
    }

    private static SpaceType readSpaceType(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        int size = in.readInt();
        if (kind < 0 || kind >= SpaceKind.values().length) {
            throw new DatasetCodec.DamagedFileException("unknown space kind " + kind);
        }
        return new SpaceType(SpaceKind.values()[kind], size);
    }

    private static List<Variable> readVariables(DataInputStream in) throws IOException {
        int count = DatasetCodec.requireCount(in.readInt(), "variables");
        List<Variable> variables = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            variables.add(new Variable(in.readUTF(), in.readUTF()));
        }
        return variables;
    }

    private static void writeEpisode(Episode episode, DataOutputStream out) throws IOException {
        out.writeUTF(episode.id());
        int steps = episode.steps();
        out.writeInt(steps);
        if (episode.states() instanceof ContinuousStates states) {
            int width = states.width();
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < width; f++) {
                    out.writeLong(Double.doubleToLongBits(states.value(t, f)));
                }
            }
            int bits = 0;
            int count = 0;
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < width; f++) {
                    bits = (bits << 1) | (states.isMissing(t, f) ? 1 : 0);
                    if (++count == 8) {
                        out.writeByte(bits);
                        bits = 0;
                        count = 0;
                    }
                }
            }
            if (count > 0) {
                out.writeByte(bits << (8 - count));
            }
        } else {
            DiscreteStates states = (DiscreteStates) episode.states();
            for (int t = 0; t < steps; t++) {
                out.writeInt(states.id(t));
            }
        }
        if (episode.actions() instanceof ContinuousActions actions) {
            for (int t = 0; t < steps; t++) {
                for (int a = 0; a < actions.width(); a++) {
                    out.writeLong(Double.doubleToLongBits(actions.value(t, a)));
                }
            }
        } else {
            DiscreteActions actions = (DiscreteActions) episode.actions();
            for (int t = 0; t < steps; t++) {
                out.writeInt(actions.id(t));
            }
        }
        if (episode.hasRewards()) {
            for (int t = 0; t < steps; t++) {
                out.writeLong(Double.doubleToLongBits(episode.reward(t)));
            }
        }
        if (episode.hasCosts()) {
            for (int t = 0; t < steps; t++) {
                out.writeLong(Double.doubleToLongBits(episode.cost(t)));
            }
        }
        Outcome outcome = episode.outcome();
        if (outcome == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.writeBoolean(outcome.event());
            out.writeLong(Double.doubleToLongBits(outcome.days()));
        }
    }

    private static int[] readInts(DataInputStream in, int steps) throws IOException {
        int[] values = new int[steps];
        for (int t = 0; t < steps; t++) {
            values[t] = in.readInt();
        }
        return values;
    }

    private static double[][] readDoubles(DataInputStream in, int rows, int width) throws IOException {
        double[][] values = new double[rows][width];
        for (int t = 0; t < rows; t++) {
            for (int f = 0; f < width; f++) {
                values[t][f] = in.readDouble();
            }
        }
        return values;
    }

    private static boolean[][] unpack(DataInputStream in, int steps, int width) throws IOException {
        boolean[][] flags = new boolean[steps][width];
        long total = (long) steps * width;
        int current = 0;
        for (long i = 0; i < total; i++) {
            if (i % 8 == 0) {
                current = in.readUnsignedByte();
            }
            flags[(int) (i / width)][(int) (i % width)] = (current & (0x80 >>> (i % 8))) != 0;
        }
        return flags;
    }
}

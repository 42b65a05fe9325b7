package dev.vigil.ingestion.dataset;

import dev.vigil.common.Sha256;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable set of episodes with the schema that says what their numbers mean.
 *
 * <p>The {@linkplain #contentHash() content hash} is the SHA-256 of the canonical serialisation of what a
 * learner consumes: the schema's types, variable names and units, the reward/cost flags, and each episode's
 * id, states, missing flags, actions, rewards, costs and outcome, in order. It leaves out the dataset's
 * name, the cohort specification it came from, the bloc length, provenance and imaging links: two datasets
 * with the same content hash give any learner the same numbers, and a dataset exported to CSV and imported
 * again keeps its content hash. The {@linkplain DatasetCodec binary file} carries everything, and the hash
 * of that file is what names it in the artifact store.
 */
public final class TrajectoryDataset {

    private final DatasetSchema schema;
    private final List<Episode> episodes;
    private volatile String contentHash;

    /**
     * @throws IllegalArgumentException naming the episode when one does not fit the schema, or when two
     *     episodes share an id
     */
    public TrajectoryDataset(DatasetSchema schema, List<Episode> episodes) {
        if (schema == null || episodes == null) {
            throw new IllegalArgumentException("A dataset needs a schema and a list of episodes");
        }
        this.schema = schema;
        this.episodes = List.copyOf(episodes);
        Set<String> ids = new HashSet<>();
        for (Episode episode : this.episodes) {
            if (!ids.add(episode.id())) {
                throw new IllegalArgumentException("Two episodes have the id " + episode.id() + "; ids must be unique");
            }
            checkFits(episode);
        }
    }

    /** What the numbers mean. */
    public DatasetSchema schema() {
        return schema;
    }

    /** The episodes, in dataset order. */
    public List<Episode> episodes() {
        return episodes;
    }

    /** Total number of steps over all episodes. */
    public long totalSteps() {
        long steps = 0;
        for (Episode episode : episodes) {
            steps += episode.steps();
        }
        return steps;
    }

    /** Lower-case hex SHA-256 of the dataset's content (see the class comment for what is included). */
    public String contentHash() {
        String hash = contentHash;
        if (hash == null) {
            MessageDigest digest = Sha256.newDigest();
            try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(),
                    digest))) {
                DatasetContent.write(this, out);
            } catch (IOException e) {
                throw new UncheckedIOException("Hashing a dataset in memory cannot fail", e);
            }
            hash = Sha256.hex(digest);
            contentHash = hash;
        }
        return hash;
    }

    @Override
    public String toString() {
        return "TrajectoryDataset[" + schema.name() + ", " + episodes.size() + " episodes, " + totalSteps() + " steps]";
    }

    private void checkFits(Episode episode) {
        String where = "Episode " + episode.id();
        if (episode.states() instanceof ContinuousStates states) {
            if (schema.stateType().isDiscrete()) {
                throw new IllegalArgumentException(where + " has continuous states; the schema says discrete");
            }
            if (states.width() != schema.features().size()) {
                throw new IllegalArgumentException(where + " has " + states.width() + " features per step; the schema "
                        + "has " + schema.features().size());
            }
        } else if (episode.states() instanceof DiscreteStates states) {
            if (!schema.stateType().isDiscrete()) {
                throw new IllegalArgumentException(where + " has discrete states; the schema says continuous");
            }
            requireBelow(states.ids(), schema.stateType().size(), where, "state");
        }
        if (episode.actions() instanceof ContinuousActions actions) {
            if (schema.actionType().isDiscrete()) {
                throw new IllegalArgumentException(where + " has continuous actions; the schema says discrete");
            }
            if (actions.width() != schema.actions().size()) {
                throw new IllegalArgumentException(where + " has " + actions.width() + " actions per step; the schema "
                        + "has " + schema.actions().size());
            }
        } else if (episode.actions() instanceof DiscreteActions actions) {
            if (!schema.actionType().isDiscrete()) {
                throw new IllegalArgumentException(where + " has discrete actions; the schema says continuous");
            }
            requireBelow(actions.ids(), schema.actionType().size(), where, "action");
        }
        if (episode.hasRewards() != schema.hasRewards()) {
            throw new IllegalArgumentException(where + (episode.hasRewards() ? " has" : " lacks") + " rewards, but the "
                    + "schema says hasRewards=" + schema.hasRewards());
        }
        if (episode.hasCosts() != schema.hasCosts()) {
            throw new IllegalArgumentException(where + (episode.hasCosts() ? " has" : " lacks") + " costs, but the "
                    + "schema says hasCosts=" + schema.hasCosts());
        }
    }

    private static void requireBelow(int[] ids, int size, String where, String what) {
        for (int t = 0; t < ids.length; t++) {
            if (ids[t] >= size) {
                throw new IllegalArgumentException(where + ", step " + t + " has " + what + " id " + ids[t]
                        + ", but the schema has " + size + " " + what + "s (ids 0.." + (size - 1) + ")");
            }
        }
    }
}

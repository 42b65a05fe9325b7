package dev.vigil.api.rules;

import dev.vigil.safety.cost.RuleSet;
import dev.vigil.safety.cost.RuleSetDiff;
import dev.vigil.safety.cost.RuleSets;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rule set registry: publishes versions (never changes one), reads them back as parsed rule sets and
 * compares two of them.
 */
@ApplicationScoped
public class RuleSetService {

    /** Who registered the shipped rule sets. */
    public static final String SHIPPED_BY = "vigil (shipped)";

    @Inject
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** Registers each shipped rule set's file as its first version when the registry has no version of it. */
    @Transactional
    void registerShipped(@Observes StartupEvent start) {
        for (String id : RuleSets.SHIPPED) {
            if (versions(id).isEmpty()) {
                String yaml = shippedYaml(id);
                RuleSet set = RuleSets.parse(yaml, id + ".yaml");
                em.persist(new RuleSetVersionRecord(set.id(), set.version(), set.contentHash(), yaml, SHIPPED_BY,
                        clock.instant(), "Shipped with Vigil"));
            }
        }
    }

    /** Every version of a rule set, oldest first; empty when the id is unknown. */
    public List<RuleSetVersionRecord> versions(String ruleSetId) {
        return em.createQuery("from RuleSetVersionRecord r where r.ruleSetId = :id", RuleSetVersionRecord.class)
                .setParameter("id", ruleSetId).getResultList().stream()
                .sorted(Comparator.comparing(RuleSetVersionRecord::getVersion, SemanticVersion.ORDER)).toList();
    }

    /** The ids of every registered rule set, sorted. */
    public List<String> ids() {
        return em.createQuery("select distinct r.ruleSetId from RuleSetVersionRecord r order by r.ruleSetId",
                String.class).getResultList();
    }

    public Optional<RuleSetVersionRecord> find(String ruleSetId, String version) {
        return Optional.ofNullable(em.find(RuleSetVersionRecord.class,
                new RuleSetVersionRecord.Key(ruleSetId, version)));
    }

    /** @throws NotFoundException naming the rule set and, when the set exists, its versions */
    public RuleSetVersionRecord require(String ruleSetId, String version) {
        return find(ruleSetId, version).orElseThrow(() -> {
            List<String> known = versions(ruleSetId).stream().map(RuleSetVersionRecord::getVersion).toList();
            return new NotFoundException(known.isEmpty() ? "No rule set '" + ruleSetId + "'"
                    : "Rule set " + ruleSetId + " has no version " + version + "; its versions are "
                            + String.join(", ", known));
        });
    }

    /** The newest version. @throws NotFoundException for an unknown id */
    public RuleSetVersionRecord latest(String ruleSetId) {
        List<RuleSetVersionRecord> all = versions(ruleSetId);
        if (all.isEmpty()) {
            throw new NotFoundException("No rule set '" + ruleSetId + "'");
        }
        return all.get(all.size() - 1);
    }

    /** The parsed rule set of a stored version. */
    public RuleSet ruleSet(RuleSetVersionRecord record) {
        return RuleSets.parse(record.getYaml(), record.getRuleSetId() + " " + record.getVersion());
    }

    /**
     * Publishes an edit as a new version.
     *
     * @throws IllegalArgumentException for invalid YAML (the message names the line and field), a file whose id
     *     is not {@code ruleSetId}, a blank reason, a version not above the newest, or content identical to it
     */
    @Transactional
    public RuleSetVersionRecord publish(String ruleSetId, String yaml, String reason, String user) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the rules change (field 'reason'): every version records "
                    + "who changed it, when and why");
        }
        // InvalidRuleSetException is an IllegalArgumentException naming the line and field: a 400 as it is.
        RuleSet set = RuleSets.parse(yaml, "the submitted rule set");
        if (!set.id().equals(ruleSetId)) {
            throw new IllegalArgumentException("The submitted file is rule set '" + set.id() + "', not '" + ruleSetId
                    + "': a new version keeps the id");
        }
        // Serialise publishers of the same set: the newest row is read under a lock before comparing.
        List<RuleSetVersionRecord> existing = em.createQuery(
                "from RuleSetVersionRecord r where r.ruleSetId = :id", RuleSetVersionRecord.class)
                .setParameter("id", ruleSetId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream()
                .sorted(Comparator.comparing(RuleSetVersionRecord::getVersion, SemanticVersion.ORDER)).toList();
        if (existing.isEmpty()) {
            throw new NotFoundException("No rule set '" + ruleSetId + "'; registered rule sets are "
                    + String.join(", ", ids()));
        }
        RuleSetVersionRecord newest = existing.get(existing.size() - 1);
        if (SemanticVersion.ORDER.compare(set.version(), newest.getVersion()) <= 0) {
            throw new ClientErrorException("Version " + set.version() + " is not above the newest version "
                    + newest.getVersion() + " of " + ruleSetId + "; old versions never change, so bump the version",
                    409);
        }
        if (RuleSetDiff.between(ruleSet(newest), set).isEmpty()) {
            throw new IllegalArgumentException("The submitted rules say the same as version " + newest.getVersion()
                    + "; nothing to publish");
        }
        RuleSetVersionRecord record = new RuleSetVersionRecord(set.id(), set.version(), set.contentHash(), yaml,
                user, clock.instant(), reason.strip());
        em.persist(record);
        return record;
    }

    /** The difference between two stored versions of one rule set. */
    public RuleSetDiff diff(String ruleSetId, String fromVersion, String toVersion) {
        return RuleSetDiff.between(ruleSet(require(ruleSetId, fromVersion)), ruleSet(require(ruleSetId, toVersion)));
    }

    private static String shippedYaml(String id) {
        String resource = "/dev/vigil/safety/cost/" + id + ".yaml";
        try (InputStream in = RuleSets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The shipped rule set " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

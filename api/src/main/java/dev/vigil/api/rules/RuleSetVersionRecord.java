package dev.vigil.api.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/** One published version of a rule set. Immutable: Hibernate never writes an update for it. */
@Entity
@Immutable
@Table(name = "rule_set_version")
@IdClass(RuleSetVersionRecord.Key.class)
public class RuleSetVersionRecord {

    /** The composite key: rule set id and version. */
    public static class Key implements Serializable {
        String ruleSetId;
        String version;

        public Key() {
        }

        public Key(String ruleSetId, String version) {
            this.ruleSetId = ruleSetId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.ruleSetId.equals(ruleSetId) && k.version.equals(version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ruleSetId, version);
        }
    }

    @Id
    @Column(name = "rule_set_id", length = 100)
    private String ruleSetId;

    @Id
    @Column(length = 40)
    private String version;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String yaml;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 2000)
    private String reason;

    protected RuleSetVersionRecord() {
    }

    RuleSetVersionRecord(String ruleSetId, String version, String contentHash, String yaml, String createdBy,
            Instant createdAt, String reason) {
        this.ruleSetId = ruleSetId;
        this.version = version;
        this.contentHash = contentHash;
        this.yaml = yaml;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.reason = reason;
    }

    public String getRuleSetId() {
        return ruleSetId;
    }

    public String getVersion() {
        return version;
    }

    public String getContentHash() {
        return contentHash;
    }

    public String getYaml() {
        return yaml;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getReason() {
        return reason;
    }
}

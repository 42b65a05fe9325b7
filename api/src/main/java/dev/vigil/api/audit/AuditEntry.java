package dev.vigil.api.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the audit trail, never changed after it is written. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private long seq;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(nullable = false, length = 300)
    private String caller;

    @Column(name = "patient_id", length = 256)
    private String patientId;

    @Column(name = "request_sha256", nullable = false, length = 64)
    private String requestSha256;

    @Column(name = "response_json", nullable = false, length = 1000000)
    private String responseJson;

    @Column(name = "model_version", nullable = false, length = 300)
    private String modelVersion;

    @Column(name = "data_version", nullable = false, length = 100)
    private String dataVersion;

    @Column(name = "rule_version", nullable = false, length = 300)
    private String ruleVersion;

    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(name = "entry_hash", nullable = false, length = 64)
    private String entryHash;

    protected AuditEntry() {
        // for Hibernate
    }

    AuditEntry(long seq, Instant recordedAt, AuditRecord record, String previousHash, String entryHash) {
        this.seq = seq;
        this.recordedAt = recordedAt;
        this.kind = record.kind();
        this.caller = record.caller();
        this.patientId = record.patientId();
        this.requestSha256 = record.requestSha256();
        this.responseJson = record.responseJson();
        this.modelVersion = record.modelVersion();
        this.dataVersion = record.dataVersion();
        this.ruleVersion = record.ruleVersion();
        this.previousHash = previousHash;
        this.entryHash = entryHash;
    }

    public long getSeq() {
        return seq;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getKind() {
        return kind;
    }

    public String getCaller() {
        return caller;
    }

    public String getPatientId() {
        return patientId;
    }

    public String getRequestSha256() {
        return requestSha256;
    }

    public String getResponseJson() {
        return responseJson;
    }

    public String getModelVersion() {
        return modelVersion;
    }

    public String getDataVersion() {
        return dataVersion;
    }

    public String getRuleVersion() {
        return ruleVersion;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getEntryHash() {
        return entryHash;
    }

    /** What the entry records, as appended. */
    public AuditRecord record() {
        return new AuditRecord(kind, caller, patientId, requestSha256, responseJson, modelVersion, dataVersion,
                ruleVersion);
    }
}

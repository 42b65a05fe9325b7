package dev.vigil.api.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One training run as the registry records it. */
@Entity
@Table(name = "training_run")
public class TrainingRun {

    /** Where a run is in its life. */
    public enum State {
        RUNNING, SUCCEEDED, FAILED
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 50)
    private String algorithm;

    @Column(name = "dataset_id", nullable = false, length = 64)
    private String datasetId;

    @Column(name = "config_json", nullable = false, length = 8000)
    private String configJson;

    @Column(name = "config_sha256", nullable = false, length = 64)
    private String configSha256;

    @Column(nullable = false)
    private long seed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state;

    @Column(name = "code_version", nullable = false, length = 100)
    private String codeVersion;

    @Column(name = "policy_sha256", length = 64)
    private String policySha256;

    @Column(length = 2000)
    private String error;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected TrainingRun() {
        // for Hibernate
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    TrainingRun(String id, String algorithm, String datasetId, String configJson, String configSha256, long seed,
            String codeVersion, String createdBy, Instant createdAt) {
        this.id = id;
        this.algorithm = algorithm;
        this.datasetId = datasetId;
        this.configJson = configJson;
        this.configSha256 = configSha256;
        this.seed = seed;
        this.state = State.RUNNING;
        this.codeVersion = codeVersion;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void succeeded(String policySha256, Instant at) {
        this.state = State.SUCCEEDED;
        this.policySha256 = policySha256;
        this.finishedAt = at;
    }

    /** Running again from a checkpoint, after an interruption or a failure. */
    void resumed() {
        this.state = State.RUNNING;
        this.error = null;
        this.finishedAt = null;
    }

    void failed(String error, Instant at) {
        this.state = State.FAILED;
        this.error = dev.vigil.common.Texts.truncate(error, 2000);
        this.finishedAt = at;
    }

    public String getId() {
        return id;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public String getDatasetId() {
        return datasetId;
    }

    public String getConfigJson() {
        return configJson;
    }

    public String getConfigSha256() {
        return configSha256;
    }

    public long getSeed() {
        return seed;
    }

    public State getState() {
        return state;
    }

    public String getCodeVersion() {
        return codeVersion;
    }

    public String getPolicySha256() {
        return policySha256;
    }

    public String getError() {
        return error;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}

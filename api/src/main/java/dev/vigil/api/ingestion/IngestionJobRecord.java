package dev.vigil.api.ingestion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The database's record of an ingestion job and how it ended. */
@Entity
@Table(name = "ingestion_job")
public class IngestionJobRecord {

    /** Where a job is in its life. */
    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private State state;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "cohort_id", nullable = false, length = 100)
    private String cohortId;

    @Column(nullable = false, length = 1000)
    private String source;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "dataset_id", length = 64)
    private String datasetId;

    @Column(length = 2000)
    private String error;

    protected IngestionJobRecord() {
        // for Hibernate
    }

    IngestionJobRecord(String id, String name, String cohortId, String source, String createdBy, Instant createdAt) {
        this.id = id;
        this.state = State.QUEUED;
        this.name = name;
        this.cohortId = cohortId;
        this.source = source;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void running() {
        state = State.RUNNING;
    }

    void succeeded(String datasetId, Instant at) {
        this.state = State.SUCCEEDED;
        this.datasetId = datasetId;
        this.finishedAt = at;
    }

    void failed(String error, Instant at) {
        this.state = State.FAILED;
        this.error = dev.vigil.common.Texts.truncate(error, 2000);
        this.finishedAt = at;
    }

    public String getId() {
        return id;
    }

    public State getState() {
        return state;
    }

    public String getName() {
        return name;
    }

    public String getCohortId() {
        return cohortId;
    }

    public String getSource() {
        return source;
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

    public String getDatasetId() {
        return datasetId;
    }

    public String getError() {
        return error;
    }
}

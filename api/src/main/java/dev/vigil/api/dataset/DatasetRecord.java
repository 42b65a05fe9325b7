package dev.vigil.api.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The database's record of a trajectory dataset: what it is, where its bytes and its ingestion report are in
 * the artifact store, who made it. Immutable once written: there are no setters.
 */
@Entity
@Table(name = "dataset")
public class DatasetRecord {

    /** Names are joined with a character no feature or action name may contain. */
    static final String NAME_SEPARATOR = "\u001f";

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "cohort_id", length = 100)
    private String cohortId;

    @Column(name = "cohort_version", length = 50)
    private String cohortVersion;

    @Column(name = "state_type", nullable = false, length = 20)
    private String stateType;

    @Column(name = "action_type", nullable = false, length = 20)
    private String actionType;

    @Column(nullable = false)
    private int episodes;

    @Column(nullable = false)
    private int steps;

    @Column(name = "feature_names", nullable = false, length = 4000)
    private String featureNames;

    @Column(name = "action_names", nullable = false, length = 4000)
    private String actionNames;

    @Column(name = "content_sha256", nullable = false, length = 64)
    private String contentSha256;

    @Column(name = "report_sha256", length = 64)
    private String reportSha256;

    @Column(name = "error_count", nullable = false)
    private long errorCount;

    @Column(name = "informational_count", nullable = false)
    private long informationalCount;

    @Column(nullable = false, length = 1000)
    private String source;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DatasetRecord() {
        // for Hibernate
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    DatasetRecord(String id, String name, String cohortId, String cohortVersion, String stateType, String actionType,
            int episodes, int steps, List<String> featureNames, List<String> actionNames, String contentSha256,
            String reportSha256, long errorCount, long informationalCount, String source, String createdBy,
            Instant createdAt) {
        this.id = id;
        this.name = name;
        this.cohortId = cohortId;
        this.cohortVersion = cohortVersion;
        this.stateType = stateType;
        this.actionType = actionType;
        this.episodes = episodes;
        this.steps = steps;
        this.featureNames = String.join(NAME_SEPARATOR, featureNames);
        this.actionNames = String.join(NAME_SEPARATOR, actionNames);
        this.contentSha256 = contentSha256;
        this.reportSha256 = reportSha256;
        this.errorCount = errorCount;
        this.informationalCount = informationalCount;
        this.source = source;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getCohortId() {
        return cohortId;
    }

    public String getCohortVersion() {
        return cohortVersion;
    }

    public String getStateType() {
        return stateType;
    }

    public String getActionType() {
        return actionType;
    }

    public int getEpisodes() {
        return episodes;
    }

    public int getSteps() {
        return steps;
    }

    public List<String> getFeatureNames() {
        return split(featureNames);
    }

    public List<String> getActionNames() {
        return split(actionNames);
    }

    public String getContentSha256() {
        return contentSha256;
    }

    public String getReportSha256() {
        return reportSha256;
    }

    public long getErrorCount() {
        return errorCount;
    }

    public long getInformationalCount() {
        return informationalCount;
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

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(NAME_SEPARATOR, -1));
    }
}

package dev.vigil.api.cds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One feedback item of a CDS Hooks client on a card: accepted or overridden, with the override reason. */
@Entity
@Table(name = "cds_feedback")
public class CdsFeedback {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "service_id", nullable = false, length = 100)
    private String serviceId;

    @Column(name = "card_uuid", nullable = false, length = 100)
    private String cardUuid;

    @Column(nullable = false, length = 20)
    private String outcome;

    @Column(name = "outcome_timestamp", nullable = false)
    private Instant outcomeTimestamp;

    @Column(name = "override_reason_code", length = 200)
    private String overrideReasonCode;

    @Column(name = "override_reason_system", length = 500)
    private String overrideReasonSystem;

    @Column(name = "override_reason_text", length = 1000)
    private String overrideReasonText;

    @Column(name = "user_comment", length = 2000)
    private String userComment;

    @Column(name = "accepted_suggestions", length = 4000)
    private String acceptedSuggestions;

    @Column(nullable = false, length = 300)
    private String caller;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected CdsFeedback() {
        // for Hibernate
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    CdsFeedback(String id, String serviceId, String cardUuid, String outcome, Instant outcomeTimestamp,
            String overrideReasonCode, String overrideReasonSystem, String overrideReasonText, String userComment,
            String acceptedSuggestions, String caller, Instant recordedAt) {
        this.id = id;
        this.serviceId = serviceId;
        this.cardUuid = cardUuid;
        this.outcome = outcome;
        this.outcomeTimestamp = outcomeTimestamp;
        this.overrideReasonCode = overrideReasonCode;
        this.overrideReasonSystem = overrideReasonSystem;
        this.overrideReasonText = overrideReasonText;
        this.userComment = userComment;
        this.acceptedSuggestions = acceptedSuggestions;
        this.caller = caller;
        this.recordedAt = recordedAt;
    }

    /**
     * Feedback from Vigil's own UI on a REST recommendation, stored like CDS Hooks feedback: service
     * {@value #UI_SERVICE}, card {@code audit-<seq>} (the recommendation's audit entry).
     */
    public static CdsFeedback fromUi(long auditSeq, String outcome, String reason, String comment, String user,
            Instant at) {
        return new CdsFeedback(java.util.UUID.randomUUID().toString(), UI_SERVICE, "audit-" + auditSeq, outcome, at,
                reason, null, reason, comment, null, user, at);
    }

    /** The service id of feedback given in Vigil's UI. */
    public static final String UI_SERVICE = "vigil-ui";

    public String getId() {
        return id;
    }

    public String getServiceId() {
        return serviceId;
    }

    public String getCardUuid() {
        return cardUuid;
    }

    public String getOutcome() {
        return outcome;
    }

    public Instant getOutcomeTimestamp() {
        return outcomeTimestamp;
    }

    public String getOverrideReasonCode() {
        return overrideReasonCode;
    }

    public String getOverrideReasonSystem() {
        return overrideReasonSystem;
    }

    public String getOverrideReasonText() {
        return overrideReasonText;
    }

    public String getUserComment() {
        return userComment;
    }

    public String getAcceptedSuggestions() {
        return acceptedSuggestions;
    }

    public String getCaller() {
        return caller;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}

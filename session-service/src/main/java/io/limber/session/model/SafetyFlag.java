package io.limber.session.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stop or an urgent answer in the clinicians' work queue, until a clinician resolves it. */
@Entity
@Table(name = "safety_flag")
public class SafetyFlag {

    public static final String OPEN = "open";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String RESOLVED = "resolved";

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(name = "employer_id", nullable = false)
    public String employerId;

    @Column(name = "exercise_id", nullable = false)
    public UUID exerciseId;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    /** {@code stop} or {@code urgent}. */
    @Column(nullable = false)
    public String zone;

    @Column(nullable = false)
    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "red_flags", nullable = false)
    public List<String> redFlags = List.of();

    @Column(nullable = false)
    public String status;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;
}

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

import io.limber.session.domain.Dosage;
import io.limber.session.domain.RuleSet;

/** A stored, auditable recommendation: the dose for next time, why, and the reports behind it. */
@Entity
@Table(name = "recommendation")
public class Recommendation {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(name = "exercise_id", nullable = false)
    public UUID exerciseId;

    @Column(name = "trigger_report", nullable = false)
    public UUID triggerReport;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "based_on_reports", nullable = false)
    public List<UUID> basedOnReports;

    @Column(nullable = false)
    public String zone;

    public Integer sets;

    public Integer reps;

    @Column(name = "hold_seconds")
    public Integer holdSeconds;

    @Column(name = "previous_sets")
    public int previousSets;

    @Column(name = "previous_reps")
    public Integer previousReps;

    @Column(name = "previous_hold")
    public Integer previousHold;

    @Column(nullable = false)
    public String reason;

    /** The rules version and thresholds the recommendation was made with. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rule_set", nullable = false)
    public RuleSet ruleSet;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Set on the recommendation that lifted a stop: who cleared the member to resume. */
    @Column(name = "cleared_by")
    public String clearedBy;

    /** Null in the stop zone. */
    public Dosage dosage() {
        return sets == null ? null : new Dosage(sets, reps, holdSeconds);
    }

    public Dosage previousDosage() {
        return new Dosage(previousSets, previousReps, previousHold);
    }
}

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

/** How an exercise felt: pain on the 0-10 scale before, during, right after and next morning. */
@Entity
@Table(name = "tolerance_report")
public class ToleranceReport {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(name = "employer_id", nullable = false)
    public String employerId;

    @Column(name = "exercise_id", nullable = false)
    public UUID exerciseId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "pain_before")
    public int painBefore;

    @Column(name = "pain_during")
    public int painDuring;

    @Column(name = "pain_after")
    public int painAfter;

    public Integer effort;

    @Column(name = "sharp_or_new_pain")
    public boolean sharpOrNewPain;

    /** The red-flag questions answered yes (RedFlag wire names), empty when none. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "red_flags", nullable = false)
    public List<String> redFlags = List.of();

    public String note;

    @Column(name = "morning_pain")
    public Integer morningPain;

    @Column(name = "morning_stiffness")
    public Integer morningStiffness;

    @Column(name = "morning_note")
    public String morningNote;

    @Column(name = "checked_in_at")
    public Instant checkedInAt;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    /** The member's IANA time zone when they reported: their local days (docs/progression.md). */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    public String zone;
}

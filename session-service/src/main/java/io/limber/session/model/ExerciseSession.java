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

/** One completed exercise session of a member. */
@Entity
@Table(name = "exercise_session")
public class ExerciseSession {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(name = "employer_id", nullable = false)
    public String employerId;

    @Column(name = "exercise_id", nullable = false)
    public UUID exerciseId;

    @Column(name = "exercise_revision")
    public int exerciseRevision;

    /** The program the member followed the exercise in, when they said so. */
    @Column(name = "program_id")
    public UUID programId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at", nullable = false)
    public Instant endedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<SetRecord> sets;

    @Column(name = "total_reps")
    public int totalReps;

    public String note;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** One set as stored: side is left, right or both; reps or hold may be absent. */
    public record SetRecord(String side, Integer reps, Integer holdSeconds) {}
}

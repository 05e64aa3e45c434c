package io.limber.session.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An exercise stopped for a member, or cleared again by a clinician; no row means active. */
@Entity
@Table(name = "exercise_safety")
@IdClass(ExerciseSafety.Key.class)
public class ExerciseSafety {

    public static final String STOPPED = "stopped";
    public static final String CLEARED = "cleared";
    public static final String ACTIVE = "active";

    @Id
    @Column(name = "member_id")
    public String memberId;

    @Id
    @Column(name = "exercise_id")
    public UUID exerciseId;

    /** {@link #STOPPED} or {@link #CLEARED}. */
    @Column(nullable = false)
    public String state;

    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    public record Key(String memberId, UUID exerciseId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}

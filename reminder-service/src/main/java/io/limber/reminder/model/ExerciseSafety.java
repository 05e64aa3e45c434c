package io.limber.reminder.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The safety state of one exercise for one member, from their tolerance reports, safety flags and
 * clearances. Each part carries the time of the event that set it: a stale event arriving late
 * never undoes a newer state.
 */
@Entity
@Table(name = "member_exercise_safety")
@IdClass(ExerciseSafety.Key.class)
public class ExerciseSafety {

    public static final String SCALE_BACK = "scale-back";

    @Id
    @Column(name = "member_id")
    public String memberId;

    @Id
    @Column(name = "exercise_id")
    public UUID exerciseId;

    /** Stopped until a clinician clears it; never suggested meanwhile. */
    @Column(nullable = false)
    public boolean stopped;

    @Column(name = "stop_changed_at")
    public Instant stopChangedAt;

    /** The latest tolerance zone reported for the exercise; null once cleared. */
    public String zone;

    @Column(name = "zone_at")
    public Instant zoneAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether this exercise keeps the member's prompts gentle. */
    public boolean keepsGentle() {
        return stopped || SCALE_BACK.equals(zone);
    }

    public record Key(String memberId, UUID exerciseId) implements Serializable {}
}

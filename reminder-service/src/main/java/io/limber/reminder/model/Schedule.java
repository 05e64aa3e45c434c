package io.limber.reminder.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's place in the prompt schedule; dispatchers claim due rows with FOR UPDATE SKIP LOCKED. */
@Entity
@Table(name = "prompt_schedule")
public class Schedule {

    @Id
    @Column(name = "member_id")
    public String memberId;

    /** Null while the member is paused or has no working time ahead. */
    @Column(name = "next_due_at")
    public Instant nextDueAt;

    /** A snoozed prompt waiting to be sent again at {@link #nextDueAt}. */
    @Column(name = "snoozed_prompt_id")
    public UUID snoozedPromptId;

    @Column(name = "last_break_at")
    public Instant lastBreakAt;

    /** The last desk-break exercise suggested (before V7: the last suggestion of any kind). */
    @Column(name = "last_exercise_id")
    public UUID lastExerciseId;

    @Column(name = "last_movement_break_id")
    public UUID lastMovementBreakId;

    /** Whether the last suggestion was a movement break, so the next is an exercise. */
    @Column(name = "last_was_movement_break", nullable = false)
    public boolean lastWasMovementBreak;

    /**
     * An urgent safety flag paused the member: no prompt at all until a clinician resolves it
     * (the dispatcher's claim query leaves the row out).
     */
    @Column(name = "safety_paused", nullable = false)
    public boolean safetyPaused;

    /** The event time of the latest pause or resume applied, so a stale one is ignored. */
    @Column(name = "safety_pause_changed_at")
    public Instant safetyPauseChangedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Schedule forMember(String memberId, Instant now) {
        Schedule schedule = new Schedule();
        schedule.memberId = memberId;
        schedule.updatedAt = now;
        return schedule;
    }
}

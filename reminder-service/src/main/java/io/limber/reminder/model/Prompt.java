package io.limber.reminder.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A prompt sent to a member, and what they did about it. */
@Entity
@Table(name = "prompt")
public class Prompt {

    public static final int MAX_SNOOZES = 2;

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    /** The member's calendar day when it was sent, which the daily cap counts in. */
    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    @Column(name = "exercise_id")
    public UUID exerciseId;

    @Column(name = "exercise_slug")
    public String exerciseSlug;

    @Column(name = "exercise_name")
    public String exerciseName;

    public Integer sets;

    public Integer reps;

    @Column(name = "hold_seconds")
    public Integer holdSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PromptStatus status;

    @Column(name = "snooze_count", nullable = false)
    public int snoozeCount;

    @Column(name = "acted_at")
    public Instant actedAt;

    public boolean isOpen() {
        return status == PromptStatus.sent || status == PromptStatus.snoozed;
    }
}

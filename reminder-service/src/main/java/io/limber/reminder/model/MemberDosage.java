package io.limber.reminder.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The member's latest recommended dosage for one exercise, from their tolerance reports. */
@Entity
@Table(name = "member_dosage")
@IdClass(MemberDosage.Key.class)
public class MemberDosage {

    @Id
    @Column(name = "member_id")
    public String memberId;

    @Id
    @Column(name = "exercise_id")
    public UUID exerciseId;

    @Column(nullable = false)
    public int sets;

    public Integer reps;

    @Column(name = "hold_seconds")
    public Integer holdSeconds;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    public record Key(String memberId, UUID exerciseId) implements Serializable {}
}

package io.limber.session.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a flag's audit trail: who did what, when, with what note. */
@Entity
@Table(name = "safety_flag_action")
public class SafetyFlagAction {

    @Id
    public UUID id;

    @Column(name = "flag_id", nullable = false)
    public UUID flagId;

    @Column(nullable = false)
    public String actor;

    /** {@code raised}, {@code acknowledged}, {@code resolved} or {@code cleared}. */
    @Column(nullable = false)
    public String action;

    public String note;

    @Column(nullable = false)
    public Instant at;
}

package io.limber.reminder.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A member's preferences document, stored as the JSON of {@link io.limber.reminder.domain.Preferences}. */
@Entity
@Table(name = "reminder_preferences")
public class StoredPreferences {

    @Id
    @Column(name = "member_id")
    public String memberId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String settings;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

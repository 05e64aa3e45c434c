package io.limber.reminder.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The local read model of one published exercise: only what a suggestion needs. */
@Entity
@Table(name = "catalog_exercise")
public class CatalogExercise {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false)
    public String kind;

    public String position;

    /** Comma-separated equipment tags; empty when the exercise needs nothing. */
    @Column(nullable = false)
    public String equipment;

    @Column(name = "desk_break", nullable = false)
    public boolean deskBreak;

    @Column(nullable = false)
    public int sets;

    public Integer reps;

    @Column(name = "hold_seconds")
    public Integer holdSeconds;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Set<String> equipmentNeeded() {
        return equipment.isBlank()
                ? Set.of()
                : Arrays.stream(equipment.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}

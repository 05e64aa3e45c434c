package io.limber.session.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.limber.session.domain.Dosage;
import io.limber.session.domain.DosageRange;

/** This service's copy of one published exercise, kept up to date from the catalog topic. */
@Entity
@Table(name = "catalog_exercise")
public class CatalogExercise {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    public int revision;

    public boolean retired;

    @Column(name = "default_sets")
    public int defaultSets;

    @Column(name = "default_reps")
    public Integer defaultReps;

    @Column(name = "default_hold")
    public Integer defaultHold;

    @Column(name = "min_sets")
    public int minSets;

    @Column(name = "min_reps")
    public Integer minReps;

    @Column(name = "min_hold")
    public Integer minHold;

    @Column(name = "max_sets")
    public int maxSets;

    @Column(name = "max_reps")
    public Integer maxReps;

    @Column(name = "max_hold")
    public Integer maxHold;

    /** The published programs that hold this exercise now. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "program_ids", nullable = false)
    public UUID[] programIds;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Dosage defaultDosage() {
        return new Dosage(defaultSets, defaultReps, defaultHold);
    }

    public DosageRange range() {
        return new DosageRange(new Dosage(minSets, minReps, minHold), new Dosage(maxSets, maxReps, maxHold));
    }
}

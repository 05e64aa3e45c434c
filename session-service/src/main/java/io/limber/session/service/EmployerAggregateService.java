package io.limber.session.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.limber.session.api.EmployerAggregatesView;
import io.limber.session.api.EmployerAggregatesView.ExerciseUse;
import io.limber.session.api.EmployerAggregatesView.Figure;
import io.limber.session.config.AggregatesConfig;
import io.limber.session.domain.Zone;
import io.limber.session.model.CatalogExercise;
import io.limber.session.repository.CatalogExerciseRepository;

/** Employer-wide figures over a date range (UTC days, both ends included), with small cohorts suppressed. */
@ApplicationScoped
public class EmployerAggregateService {

    private final EntityManager em;
    private final CatalogExerciseRepository catalog;
    private final AggregatesConfig config;

    EmployerAggregateService(EntityManager em, CatalogExerciseRepository catalog, AggregatesConfig config) {
        this.em = em;
        this.catalog = catalog;
        this.config = config;
    }

    @Transactional
    public EmployerAggregatesView aggregates(String employerId, LocalDate from, LocalDate to) {
        var start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        var end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int min = config.minimumCohort();

        // Enrolled: members this service knows for the employer (anyone who recorded or reported).
        long enrolled = ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM (SELECT member_id FROM exercise_session WHERE employer_id = ?1"
                                        + " UNION SELECT member_id FROM tolerance_report WHERE employer_id = ?1) m")
                        .setParameter(1, employerId)
                        .getSingleResult())
                .longValue();
        Object[] activity =
                (Object[]) em.createNativeQuery("SELECT count(DISTINCT member_id), count(*) FROM exercise_session"
                                + " WHERE employer_id = ?1 AND started_at >= ?2 AND started_at < ?3")
                        .setParameter(1, employerId)
                        .setParameter(2, start)
                        .setParameter(3, end)
                        .getSingleResult();
        long active = ((Number) activity[0]).longValue();
        long sessionCount = ((Number) activity[1]).longValue();
        double weeks = (ChronoUnit.DAYS.between(from, to) + 1) / 7.0;

        Object[] zones = (Object[])
                em.createNativeQuery("SELECT count(DISTINCT member_id), count(*), count(*) FILTER (WHERE zone = ?4)"
                                + " FROM tolerance_report WHERE employer_id = ?1 AND reported_at >= ?2"
                                + " AND reported_at < ?3 AND zone IS NOT NULL")
                        .setParameter(1, employerId)
                        .setParameter(2, start)
                        .setParameter(3, end)
                        .setParameter(4, Zone.SWEET_SPOT.wireName())
                        .getSingleResult();
        long reportingMembers = ((Number) zones[0]).longValue();
        long reportCount = ((Number) zones[1]).longValue();
        long sweetSpot = ((Number) zones[2]).longValue();

        @SuppressWarnings("unchecked")
        List<Object[]> exerciseRows = em.createNativeQuery(
                        "SELECT exercise_id, count(*), count(DISTINCT member_id) FROM exercise_session"
                                + " WHERE employer_id = ?1 AND started_at >= ?2 AND started_at < ?3"
                                + " GROUP BY exercise_id ORDER BY count(*) DESC, exercise_id")
                .setParameter(1, employerId)
                .setParameter(2, start)
                .setParameter(3, end)
                .getResultList();
        List<ExerciseUse> mostUsed = new ArrayList<>();
        boolean someSuppressed = false;
        for (Object[] row : exerciseRows) {
            long members = ((Number) row[2]).longValue();
            if (members < min) {
                someSuppressed = true;
                continue;
            }
            if (mostUsed.size() < config.topExercises()) {
                UUID id = (UUID) row[0];
                CatalogExercise exercise = catalog.findById(id);
                mostUsed.add(new ExerciseUse(
                        id, exercise == null ? null : exercise.name, ((Number) row[1]).longValue(), members));
            }
        }

        return new EmployerAggregatesView(
                employerId,
                from,
                to,
                min,
                figure(enrolled, enrolled, min),
                figure(active, active, min),
                figure(active == 0 ? 0 : sessionCount / (double) active / weeks, active, min),
                figure(reportCount == 0 ? 0 : sweetSpot / (double) reportCount, reportingMembers, min),
                mostUsed,
                someSuppressed);
    }

    private static Figure figure(double value, long members, int min) {
        if (members < min) {
            return new Figure(null, true);
        }
        return new Figure(Math.round(value * 100) / 100.0, false);
    }
}

package io.limber.session.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.limber.session.api.ProgressView;
import io.limber.session.config.ToleranceConfig;
import io.limber.session.model.CatalogExercise;
import io.limber.session.model.ToleranceReport;
import io.limber.session.repository.CatalogExerciseRepository;
import io.limber.session.repository.ToleranceReportRepository;

@ApplicationScoped
public class ProgressService {

    private static final Duration TREND_PERIOD = Duration.ofDays(28);
    private static final Duration RECENT = Duration.ofDays(7);
    private final EntityManager em;
    private final ToleranceReportRepository reports;
    private final CatalogExerciseRepository catalog;
    /** A change in average morning pain smaller than its meaningfulChange is noise, not a trend. */
    private final ToleranceConfig tolerance;

    ProgressService(
            EntityManager em,
            ToleranceReportRepository reports,
            CatalogExerciseRepository catalog,
            ToleranceConfig tolerance) {
        this.em = em;
        this.tolerance = tolerance;
        this.reports = reports;
        this.catalog = catalog;
    }

    @Transactional
    public ProgressView progress(Caller caller, ZoneId zone) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(zone)
                .toInstant();
        long sessionsThisWeek = em.createQuery(
                        "select count(s) from ExerciseSession s where s.memberId = ?1 and s.startedAt >= ?2",
                        Long.class)
                .setParameter(1, caller.memberId())
                .setParameter(2, weekStart)
                .getSingleResult();

        return new ProgressView(
                zone.getId(),
                sessionsThisWeek,
                streak(caller, zone, today),
                totalReps(caller),
                painTrend(caller, zone, now));
    }

    private int streak(Caller caller, ZoneId zone, LocalDate today) {
        List<Instant> starts = em.createQuery(
                        "select s.startedAt from ExerciseSession s where s.memberId = ?1 and s.startedAt >= ?2",
                        Instant.class)
                .setParameter(1, caller.memberId())
                .setParameter(2, today.minusDays(400).atStartOfDay(zone).toInstant())
                .getResultList();
        Set<LocalDate> activeDays = new TreeSet<>();
        starts.forEach(start -> activeDays.add(LocalDate.ofInstant(start, zone)));
        LocalDate day = activeDays.contains(today) ? today : today.minusDays(1);
        int streak = 0;
        while (activeDays.contains(day)) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }

    private List<ProgressView.ExerciseReps> totalReps(Caller caller) {
        List<Object[]> rows = em.createQuery(
                        "select s.exerciseId, sum(s.totalReps), count(s) from ExerciseSession s"
                                + " where s.memberId = ?1 group by s.exerciseId order by sum(s.totalReps) desc",
                        Object[].class)
                .setParameter(1, caller.memberId())
                .getResultList();
        return rows.stream()
                .map(row -> new ProgressView.ExerciseReps(
                        (UUID) row[0],
                        name((UUID) row[0]),
                        ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue()))
                .toList();
    }

    private List<ProgressView.PainTrend> painTrend(Caller caller, ZoneId zone, Instant now) {
        Map<UUID, List<ToleranceReport>> byExercise = new LinkedHashMap<>();
        for (ToleranceReport report : reports.reportedSince(caller.memberId(), now.minus(TREND_PERIOD))) {
            byExercise
                    .computeIfAbsent(report.exerciseId, id -> new ArrayList<>())
                    .add(report);
        }
        Instant recentStart = now.minus(RECENT);
        int meaningful = tolerance.meaningfulChange();
        List<ProgressView.PainTrend> trends = new ArrayList<>();
        byExercise.forEach((exerciseId, list) -> {
            // Morning pain: what the model says must not build up from week to week; pain during
            // activity is allowed up to 5/10 and says less about how the tissue copes.
            var recent = list.stream()
                    .filter(r -> r.morningPain != null && !r.reportedAt.isBefore(recentStart))
                    .mapToInt(r -> r.morningPain)
                    .average();
            var earlier = list.stream()
                    .filter(r -> r.morningPain != null && r.reportedAt.isBefore(recentStart))
                    .mapToInt(r -> r.morningPain)
                    .average();
            String direction;
            if (recent.isEmpty() || earlier.isEmpty()) {
                direction = "not-enough-data";
            } else if (recent.getAsDouble() <= earlier.getAsDouble() - meaningful) {
                direction = "improving";
            } else if (recent.getAsDouble() >= earlier.getAsDouble() + meaningful) {
                direction = "worsening";
            } else {
                direction = "steady";
            }
            trends.add(new ProgressView.PainTrend(
                    exerciseId,
                    name(exerciseId),
                    direction,
                    list.stream()
                            .map(r -> new ProgressView.PainPoint(
                                    LocalDate.ofInstant(r.reportedAt, zone),
                                    r.painDuring,
                                    r.painAfter,
                                    r.morningPain,
                                    r.zone))
                            .toList()));
        });
        return trends;
    }

    private String name(UUID exerciseId) {
        CatalogExercise exercise = catalog.findById(exerciseId);
        return exercise == null ? null : exercise.name;
    }
}

package io.limber.reminder.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * When a member's next prompt is due: pure computation on their preferences, no I/O.
 *
 * <p>Everything runs on the member's wall clock, resolved by java.time's transition rules. The
 * interval is added to the local time: a result inside a spring-forward gap moves forward by the
 * gap (01:40 + 50 min is 03:30 that night, still 50 real minutes later), and in a fall-back
 * overlap the clock keeps moving forward, so no local time of the repeated hour is prompted twice
 * (01:40 + 50 min is 02:30, after the repeat). A window bound inside a gap moves to the moment
 * the clock jumps (a window "02:30-06:00" opens at 03:00 that day); a window spanning an overlap
 * runs from the first time the clock shows its start to the last time it shows its end.
 */
public final class PromptPlanner {

    /** Enough to cross any sequence of full or non-working days within a week, plus slack. */
    private static final int DAYS_AHEAD = 8;

    private static final int MAX_STEPS = 200;

    private PromptPlanner() {}

    /**
     * The next prompt after a movement break (or a prompt) at {@code from}: one interval later,
     * moved forward into working time. The first prompt of a window comes one interval after it
     * opens, since the member has been sitting since then.
     *
     * @param dayFull whether the daily cap is already reached on a local date
     * @return empty when the member is paused or has no working time in the coming week
     */
    public static Optional<Instant> next(Preferences prefs, Instant from, Predicate<LocalDate> dayFull) {
        if (!prefs.enabled()) {
            return Optional.empty();
        }
        ZoneId zone = prefs.zone();
        Instant candidate = notBeforeDoNotDisturb(prefs, plusOnTheClock(from, prefs, zone));
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<Span> window = workingSpanContaining(prefs, zone, candidate, dayFull);
            if (window.isPresent()) {
                Optional<Span> quiet = quietSpanContaining(prefs, zone, candidate);
                if (quiet.isEmpty()) {
                    return Optional.of(candidate);
                }
                candidate = quiet.get().end();
                continue;
            }
            Optional<Span> nextWindow = nextWorkingSpanAfter(prefs, zone, candidate, dayFull);
            if (nextWindow.isEmpty()) {
                return Optional.empty();
            }
            candidate =
                    notBeforeDoNotDisturb(prefs, plusOnTheClock(nextWindow.get().start(), prefs, zone));
        }
        return Optional.empty();
    }

    /** Whether a prompt may be delivered at {@code at}: enabled, working time, not quiet, under the cap. */
    public static boolean allows(Preferences prefs, Instant at, Predicate<LocalDate> dayFull) {
        if (!prefs.enabled()) {
            return false;
        }
        if (prefs.doNotDisturbUntil() != null && at.isBefore(prefs.doNotDisturbUntil())) {
            return false;
        }
        ZoneId zone = prefs.zone();
        return workingSpanContaining(prefs, zone, at, dayFull).isPresent()
                && quietSpanContaining(prefs, zone, at).isEmpty();
    }

    /** The member's calendar day at an instant, which the daily cap counts in. */
    public static LocalDate localDate(Preferences prefs, Instant at) {
        return at.atZone(prefs.zone()).toLocalDate();
    }

    /**
     * One interval later on the member's clock, keeping the offset {@code at} had where the local
     * result is ambiguous, so the result is never earlier than {@code at}.
     */
    private static Instant plusOnTheClock(Instant at, Preferences prefs, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return ZonedDateTime.ofLocal(local.toLocalDateTime().plus(prefs.interval()), zone, local.getOffset())
                .toInstant();
    }

    private static Instant notBeforeDoNotDisturb(Preferences prefs, Instant candidate) {
        Instant dnd = prefs.doNotDisturbUntil();
        return dnd != null && candidate.isBefore(dnd) ? dnd : candidate;
    }

    private static Optional<Span> workingSpanContaining(
            Preferences prefs, ZoneId zone, Instant at, Predicate<LocalDate> dayFull) {
        LocalDate date = at.atZone(zone).toLocalDate();
        if (!prefs.workingDays().contains(date.getDayOfWeek()) || dayFull.test(date)) {
            return Optional.empty();
        }
        return prefs.workingWindows().stream()
                .map(w -> Span.of(w, date, zone))
                .filter(s -> s.contains(at))
                .findFirst();
    }

    private static Optional<Span> quietSpanContaining(Preferences prefs, ZoneId zone, Instant at) {
        LocalDate date = at.atZone(zone).toLocalDate();
        return prefs.quietPeriods().stream()
                .map(w -> Span.of(w, date, zone))
                .filter(s -> s.contains(at))
                .findFirst();
    }

    private static Optional<Span> nextWorkingSpanAfter(
            Preferences prefs, ZoneId zone, Instant after, Predicate<LocalDate> dayFull) {
        LocalDate first = after.atZone(zone).toLocalDate();
        for (int day = 0; day <= DAYS_AHEAD; day++) {
            LocalDate date = first.plusDays(day);
            if (!prefs.workingDays().contains(date.getDayOfWeek()) || dayFull.test(date)) {
                continue;
            }
            Optional<Span> span = prefs.workingWindows().stream()
                    .map(w -> Span.of(w, date, zone))
                    .filter(s -> s.start().isAfter(after))
                    .findFirst();
            if (span.isPresent()) {
                return span;
            }
        }
        return Optional.empty();
    }

    /** A window on one calendar day as real time: {@code [start, end)}. */
    record Span(Instant start, Instant end) {

        static Span of(Window window, LocalDate date, ZoneId zone) {
            return new Span(
                    firstInstantShowing(window.startOn(date), zone), lastBoundaryShowing(window.endOn(date), zone));
        }

        boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }

        /** The first instant whose local time is at or after {@code local}. */
        private static Instant firstInstantShowing(LocalDateTime local, ZoneId zone) {
            ZoneOffsetTransition transition = zone.getRules().getTransition(local);
            if (transition == null) {
                return local.atZone(zone).toInstant();
            }
            return transition.isGap()
                    ? transition.getInstant()
                    : local.atOffset(transition.getOffsetBefore()).toInstant();
        }

        /** The end of a span reaching {@code local}: its last occurrence in an overlap. */
        private static Instant lastBoundaryShowing(LocalDateTime local, ZoneId zone) {
            ZoneOffsetTransition transition = zone.getRules().getTransition(local);
            if (transition == null) {
                return local.atZone(zone).toInstant();
            }
            return transition.isGap()
                    ? transition.getInstant()
                    : local.atOffset(transition.getOffsetAfter()).toInstant();
        }
    }
}

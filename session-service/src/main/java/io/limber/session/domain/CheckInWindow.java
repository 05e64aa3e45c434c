package io.limber.session.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a morning check-in counts: from early on the member's next local day after the session to
 * the end of a later local day. The pain-monitoring model reads pain "the morning after" the
 * activity (Silbernagel et al., Am J Sports Med 2007); a value given minutes after the session is
 * not that, and one given days later no longer says how the tissue took that session.
 *
 * <p>Days are the member's own, in their time zone, so a New York member's evening session is
 * checked in on New York's next morning. On a day when {@code opensAt} does not exist (a
 * daylight-saving gap), it moves later by the length of the gap, as {@link ZonedDateTime#of}
 * resolves it.
 *
 * @param opensAt the first instant a check-in counts
 * @param closesAt the first instant it no longer counts
 */
public record CheckInWindow(Instant opensAt, Instant closesAt, ZoneId zone) {

    /**
     * @param activity when the session ended (or, for a report that names no session, when it was
     *     reported)
     * @param opensAt local time on the next day from which the check-in counts
     * @param days the check-in counts until the end of this many local days after the activity's
     *     (1: the next day only; 2: the next day and the day after)
     */
    public static CheckInWindow after(Instant activity, ZoneId zone, LocalTime opensAt, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("A check-in window lasts at least one day, not " + days);
        }
        LocalDate day = activity.atZone(zone).toLocalDate();
        Instant opens = ZonedDateTime.of(day.plusDays(1), opensAt, zone).toInstant();
        Instant closes = day.plusDays(days + 1L).atStartOfDay(zone).toInstant();
        return new CheckInWindow(opens, closes, zone);
    }

    public boolean isOpenAt(Instant instant) {
        return !instant.isBefore(opensAt) && instant.isBefore(closesAt);
    }

    public boolean notYetOpenAt(Instant instant) {
        return instant.isBefore(opensAt);
    }

    /** The member's local date and time of an instant, as a reason or a problem shows it. */
    public String local(Instant instant) {
        return instant.atZone(zone).toLocalDateTime().toString().replace('T', ' ') + " " + zone.getId();
    }

    /** The start of the member's local day that holds {@code instant}. */
    public static Instant startOfLocalDay(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }
}

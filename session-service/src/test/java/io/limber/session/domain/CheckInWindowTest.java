package io.limber.session.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a morning check-in counts, in the member's own local days (docs/progression.md). */
class CheckInWindowTest {

    private static final LocalTime FOUR = LocalTime.of(4, 0);

    @ParameterizedTest(name = "session ended {0} in {1}: opens {2}, closes {3}")
    @CsvSource({
        // a morning session: the next day from 04:00 to the end of the day after
        "2026-12-01T09:00:00Z, UTC,              2026-12-02T04:00:00Z, 2026-12-04T00:00:00Z",
        // late in the evening is still that day
        "2026-12-01T23:59:00Z, UTC,              2026-12-02T04:00:00Z, 2026-12-04T00:00:00Z",
        // 03:00 UTC is the evening before in New York (UTC-5 in December)
        "2026-12-02T03:00:00Z, America/New_York, 2026-12-02T09:00:00Z, 2026-12-04T05:00:00Z",
        // the night New York moves to summer time (2026-03-08, 02:00 -> 03:00): 04:00 is EDT
        "2026-03-07T20:00:00Z, America/New_York, 2026-03-08T08:00:00Z, 2026-03-10T04:00:00Z",
        // the night it moves back (2026-11-01, 02:00 -> 01:00): 04:00 is EST
        "2026-10-31T20:00:00Z, America/New_York, 2026-11-01T09:00:00Z, 2026-11-03T05:00:00Z",
        // Berlin's spring change (2026-03-29, 02:00 -> 03:00)
        "2026-03-28T18:00:00Z, Europe/Berlin,    2026-03-29T02:00:00Z, 2026-03-30T22:00:00Z",
        // a zone ahead of UTC: 20:00 UTC is already the next day in Auckland (UTC+13 in December)
        "2026-12-01T20:00:00Z, Pacific/Auckland, 2026-12-02T15:00:00Z, 2026-12-04T11:00:00Z",
    })
    void opensEarlyOnTheNextLocalDayAndClosesAtTheEndOfTheDayAfter(
            Instant ended, String zone, Instant opens, Instant closes) {
        CheckInWindow window = CheckInWindow.after(ended, ZoneId.of(zone), FOUR, 2);
        assertThat(window.opensAt()).isEqualTo(opens);
        assertThat(window.closesAt()).isEqualTo(closes);
        assertThat(window.isOpenAt(opens)).isTrue();
        assertThat(window.isOpenAt(opens.minusSeconds(1))).isFalse();
        assertThat(window.notYetOpenAt(opens.minusSeconds(1))).isTrue();
        assertThat(window.isOpenAt(closes.minusSeconds(1))).isTrue();
        assertThat(window.isOpenAt(closes)).isFalse();
        assertThat(window.notYetOpenAt(closes)).isFalse();
    }

    @Test
    void aMinuteAfterTheSessionIsNeverOpenAtAnyHourOrZone() {
        for (String zone :
                new String[] {"UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Chatham"}) {
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            for (int minutes = 0; minutes < 366 * 24 * 60; minutes += 17) {
                Instant ended = start.plusSeconds(minutes * 60L);
                CheckInWindow window = CheckInWindow.after(ended, ZoneId.of(zone), FOUR, 2);
                assertThat(window.notYetOpenAt(ended.plusSeconds(60)))
                        .as(zone + " " + ended)
                        .isTrue();
                assertThat(window.closesAt()).isAfter(window.opensAt());
            }
        }
    }

    @Test
    void oneDayClosesAtTheEndOfTheNextDay() {
        CheckInWindow window = CheckInWindow.after(Instant.parse("2026-12-01T09:00:00Z"), ZoneId.of("UTC"), FOUR, 1);
        assertThat(window.closesAt()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        assertThatThrownBy(() -> CheckInWindow.after(Instant.EPOCH, ZoneId.of("UTC"), FOUR, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLocalDayStartsAtTheMembersMidnight() {
        assertThat(CheckInWindow.startOfLocalDay(Instant.parse("2026-12-02T03:00:00Z"), ZoneId.of("America/New_York")))
                .isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
        CheckInWindow window =
                CheckInWindow.after(Instant.parse("2026-12-01T15:00:00Z"), ZoneId.of("America/New_York"), FOUR, 2);
        assertThat(window.local(window.opensAt())).isEqualTo("2026-12-02 04:00 America/New_York");
    }
}

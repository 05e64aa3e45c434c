package io.limber.reminder.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptPlannerTest {

    private static final Predicate<LocalDate> NO_CAP = d -> false;

    @Nested
    class SpringForward {

        @Test
        void newYorkSkipsTheMissingHourAndKeepsTheIntervalInRealTime() {
            // 2026-03-08 02:00 EST -> 03:00 EDT
            Preferences prefs = everyDay("America/New_York", 50, Window.parse("00:00", "06:00"));
            List<Instant> prompts = promptsOfOneDay(prefs, Instant.parse("2026-03-08T05:00:00Z")); // 00:00 EST

            assertThat(localTimes(prompts, prefs)).containsExactly("00:50", "01:40", "03:30", "04:20", "05:10");
            assertThat(gaps(prompts)).containsOnly(Duration.ofMinutes(50));
            assertThat(localTimes(prompts, prefs)).noneMatch(t -> t.startsWith("02:"));
        }

        @Test
        void berlinWindowOpeningInsideTheGapOpensWhenTheClockJumps() {
            // 2026-03-29 02:00 CET -> 03:00 CEST; "02:30" does not exist that night.
            Preferences prefs = everyDay("Europe/Berlin", 30, Window.parse("02:30", "06:00"));
            Instant midnight = Instant.parse("2026-03-28T23:00:00Z"); // 00:00 CET

            Instant first = PromptPlanner.next(prefs, midnight, NO_CAP).orElseThrow();

            assertThat(first).isEqualTo(Instant.parse("2026-03-29T01:30:00Z")); // 03:00 CEST + 30 min
            assertThat(localTimes(List.of(first), prefs)).containsExactly("03:30");
        }

        @Test
        void berlinOfficeHoursAreUnchangedTheMondayAfter() {
            Preferences prefs = officeHours("Europe/Berlin");
            Instant fridayEvening = Instant.parse("2026-03-27T17:00:00Z"); // 18:00 CET

            Instant monday = PromptPlanner.next(prefs, fridayEvening, NO_CAP).orElseThrow();

            assertThat(monday).isEqualTo(Instant.parse("2026-03-30T07:50:00Z")); // 09:50 CEST
        }
    }

    @Nested
    class FallBack {

        @Test
        void newYorkPromptsNoLocalTimeOfTheRepeatedHourTwice() {
            // 2026-11-01 02:00 EDT -> 01:00 EST; 01:00-02:00 happens twice.
            Preferences prefs = everyDay("America/New_York", 50, Window.parse("00:00", "04:00"));
            List<Instant> prompts = promptsOfOneDay(prefs, Instant.parse("2026-11-01T04:00:00Z")); // 00:00 EDT

            List<String> local = localTimes(prompts, prefs);
            assertThat(local).containsExactly("00:50", "01:40", "02:30", "03:20");
            assertThat(local).doesNotHaveDuplicates();
            assertThat(local.stream().filter(t -> t.startsWith("01:"))).hasSize(1);
            assertThat(gaps(prompts)).allMatch(gap -> gap.compareTo(Duration.ofMinutes(50)) >= 0);
        }

        @Test
        void berlinPromptsNoLocalTimeOfTheRepeatedHourTwice() {
            // 2026-10-25 03:00 CEST -> 02:00 CET; 02:00-03:00 happens twice.
            Preferences prefs = everyDay("Europe/Berlin", 45, Window.parse("01:00", "05:00"));
            List<Instant> prompts = promptsOfOneDay(prefs, Instant.parse("2026-10-24T23:00:00Z")); // 01:00 CEST

            List<String> local = localTimes(prompts, prefs);
            assertThat(local).containsExactly("01:45", "02:30", "03:15", "04:00", "04:45");
            assertThat(local).doesNotHaveDuplicates();
            assertThat(prompts).isSorted();
        }

        @Test
        void aBreakInTheSecondPassOfTheRepeatedHourCountsFromThere() {
            Preferences prefs = everyDay("America/New_York", 20, Window.parse("00:00", "04:00"));
            Instant secondPass = Instant.parse("2026-11-01T06:10:00Z"); // 01:10 EST

            Instant next = PromptPlanner.next(prefs, secondPass, NO_CAP).orElseThrow();

            assertThat(next).isEqualTo(Instant.parse("2026-11-01T06:30:00Z")); // 01:30 EST, never in the past
        }
    }

    @Nested
    class WindowEdges {

        private final Preferences prefs = officeHours("UTC"); // 09:00-12:30, 13:30-17:30, every 50 min

        @Test
        void staysInsideAWindowUpToItsLastMinute() {
            assertThat(next(prefs, "2026-06-01T11:39:00Z")).isEqualTo("2026-06-01T12:29:00Z");
        }

        @Test
        void theEndOfAWindowIsOutsideIt() {
            assertThat(next(prefs, "2026-06-01T11:40:00Z")).isEqualTo("2026-06-01T14:20:00Z");
        }

        @Test
        void theFirstPromptOfAWindowComesOneIntervalAfterItOpens() {
            assertThat(next(prefs, "2026-06-01T12:00:00Z")).isEqualTo("2026-06-01T14:20:00Z");
        }

        @Test
        void aBreakOverLunchLandsExactlyOnTheOpeningOfTheAfternoon() {
            assertThat(next(prefs, "2026-06-01T12:40:00Z")).isEqualTo("2026-06-01T13:30:00Z");
        }

        @Test
        void fridayEveningMovesToMondayMorning() {
            assertThat(next(prefs, "2026-06-05T17:00:00Z")).isEqualTo("2026-06-08T09:50:00Z");
        }

        @Test
        void aWindowShorterThanTheIntervalIsSkipped() {
            Preferences shortLunch = withWindows(prefs, Window.parse("09:00", "09:30"), Window.parse("10:00", "12:00"));
            assertThat(next(shortLunch, "2026-06-01T08:00:00Z")).isEqualTo("2026-06-01T10:50:00Z");
        }

        @Test
        void aWindowMayRunToMidnight() {
            Preferences evening = withWindows(prefs, Window.parse("18:00", "24:00"));
            assertThat(next(evening, "2026-06-01T23:00:00Z")).isEqualTo("2026-06-01T23:50:00Z");
            assertThat(next(evening, "2026-06-01T23:20:00Z")).isEqualTo("2026-06-02T18:50:00Z");
        }

        @Test
        void aQuietPeriodDefersThePromptToItsEnd() {
            Preferences standup = new Preferences(
                    "UTC",
                    prefs.workingDays(),
                    prefs.workingWindows(),
                    50,
                    List.of(Window.parse("10:00", "10:30")),
                    null,
                    8,
                    Set.of(),
                    Set.of("seated"),
                    Set.of("push"),
                    null,
                    true);
            assertThat(next(standup, "2026-06-01T09:20:00Z")).isEqualTo("2026-06-01T10:30:00Z");
            assertThat(PromptPlanner.allows(standup, Instant.parse("2026-06-01T10:15:00Z"), NO_CAP))
                    .isFalse();
        }

        @Test
        void doNotDisturbHoldsEveryPromptUntilItEnds() {
            Preferences dnd = new Preferences(
                    "UTC",
                    prefs.workingDays(),
                    prefs.workingWindows(),
                    50,
                    List.of(),
                    Instant.parse("2026-06-02T11:00:00Z"),
                    8,
                    Set.of(),
                    Set.of("seated"),
                    Set.of("push"),
                    null,
                    true);
            assertThat(next(dnd, "2026-06-01T10:00:00Z")).isEqualTo("2026-06-02T11:00:00Z");
        }

        @Test
        void aFullDayMovesToTheNextWorkingDay() {
            Predicate<LocalDate> mondayFull = d -> d.equals(LocalDate.of(2026, 6, 1));
            assertThat(PromptPlanner.next(prefs, Instant.parse("2026-06-01T10:00:00Z"), mondayFull))
                    .contains(Instant.parse("2026-06-02T09:50:00Z"));
        }

        @Test
        void aPausedMemberOrOneWithoutWorkingDaysGetsNoPrompt() {
            Preferences paused = new Preferences(
                    "UTC",
                    prefs.workingDays(),
                    prefs.workingWindows(),
                    50,
                    List.of(),
                    null,
                    8,
                    Set.of(),
                    Set.of("seated"),
                    Set.of("push"),
                    null,
                    false);
            Preferences noDays = new Preferences(
                    "UTC",
                    EnumSet.noneOf(DayOfWeek.class),
                    prefs.workingWindows(),
                    50,
                    List.of(),
                    null,
                    8,
                    Set.of(),
                    Set.of("seated"),
                    Set.of("push"),
                    null,
                    true);
            Instant now = Instant.parse("2026-06-01T10:00:00Z");
            assertThat(PromptPlanner.next(paused, now, NO_CAP)).isEmpty();
            assertThat(PromptPlanner.next(noDays, now, NO_CAP)).isEmpty();
            assertThat(PromptPlanner.allows(paused, now, NO_CAP)).isFalse();
        }

        @Test
        void allowsOnlyWorkingTime() {
            assertThat(PromptPlanner.allows(prefs, Instant.parse("2026-06-01T09:00:00Z"), NO_CAP))
                    .isTrue();
            assertThat(PromptPlanner.allows(prefs, Instant.parse("2026-06-01T12:30:00Z"), NO_CAP))
                    .isFalse();
            assertThat(PromptPlanner.allows(prefs, Instant.parse("2026-06-06T10:00:00Z"), NO_CAP))
                    .as("Saturday")
                    .isFalse();
        }
    }

    private static String next(Preferences prefs, String from) {
        return PromptPlanner.next(prefs, Instant.parse(from), NO_CAP)
                .map(Instant::toString)
                .orElse("none");
    }

    /** Each prompt planned from the one before, as the dispatcher does, until the day's windows end. */
    private static List<Instant> promptsOfOneDay(Preferences prefs, Instant from) {
        LocalDate day = from.atZone(prefs.zone()).toLocalDate();
        List<Instant> prompts = new ArrayList<>();
        Instant at = from;
        while (true) {
            at = PromptPlanner.next(prefs, at, NO_CAP).orElseThrow();
            if (!at.atZone(prefs.zone()).toLocalDate().equals(day)) {
                return prompts;
            }
            prompts.add(at);
        }
    }

    private static List<String> localTimes(List<Instant> prompts, Preferences prefs) {
        ZoneId zone = prefs.zone();
        return prompts.stream()
                .map(i -> i.atZone(zone).toLocalTime())
                .map(LocalTime::toString)
                .toList();
    }

    private static List<Duration> gaps(List<Instant> prompts) {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < prompts.size(); i++) {
            gaps.add(Duration.between(prompts.get(i - 1), prompts.get(i)));
        }
        return gaps;
    }

    private static Preferences everyDay(String zone, int interval, Window... windows) {
        return new Preferences(
                zone,
                EnumSet.allOf(DayOfWeek.class),
                List.of(windows),
                interval,
                List.of(),
                null,
                100,
                Set.of(),
                Set.of("seated"),
                Set.of("push"),
                null,
                true);
    }

    private static Preferences officeHours(String zone) {
        Preferences defaults = Preferences.defaults();
        return new Preferences(
                zone,
                defaults.workingDays(),
                defaults.workingWindows(),
                50,
                List.of(),
                null,
                8,
                defaults.equipment(),
                defaults.positions(),
                defaults.channels(),
                null,
                true);
    }

    private static Preferences withWindows(Preferences prefs, Window... windows) {
        return new Preferences(
                prefs.timeZone(),
                prefs.workingDays(),
                List.of(windows),
                prefs.intervalMinutes(),
                prefs.quietPeriods(),
                prefs.doNotDisturbUntil(),
                prefs.dailyCap(),
                prefs.equipment(),
                prefs.positions(),
                prefs.channels(),
                prefs.webhook(),
                prefs.enabled());
    }
}

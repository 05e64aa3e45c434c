package io.limber.reminder.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A member's reminder preferences, already validated. Stored whole as one JSON document.
 *
 * @param timeZone IANA zone id the windows are read in
 * @param workingWindows sorted, non-overlapping daily spans in which prompts may come
 * @param quietPeriods daily spans inside the working windows in which no prompt comes (meetings)
 * @param doNotDisturbUntil no prompt before this instant; null when not set
 * @param dailyCap the most prompts in one local calendar day
 * @param equipment what the member has at hand, e.g. {@code chair}, {@code wall}
 * @param positions positions the member can take where they work: {@code seated}, {@code standing},
 *     {@code lying}
 * @param channels {@code push}, {@code email}, {@code webhook}
 * @param webhook where and how to POST prompts; null when none is configured
 */
public record Preferences(
        String timeZone,
        Set<DayOfWeek> workingDays,
        List<Window> workingWindows,
        int intervalMinutes,
        List<Window> quietPeriods,
        Instant doNotDisturbUntil,
        int dailyCap,
        Set<String> equipment,
        Set<String> positions,
        Set<String> channels,
        Webhook webhook,
        boolean enabled) {

    /** What a save takes for each field it leaves out: office hours on weekdays, a prompt every 50 min. */
    public static Preferences defaults() {
        return new Preferences(
                "UTC",
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                List.of(Window.parse("09:00", "12:30"), Window.parse("13:30", "17:30")),
                50,
                List.of(),
                null,
                8,
                Set.of("chair", "wall"),
                Set.of("seated", "standing"),
                Set.of("push"),
                null,
                true);
    }

    /**
     * What a member who never saved preferences has: the defaults, switched off. Saving
     * preferences is how a member (or the portal for them) opts in to prompts.
     *
     * @param timeZone the zone a first save would take (the token's), or UTC when it names none
     */
    public static Preferences notEnrolled(String timeZone) {
        Preferences d = defaults();
        return new Preferences(
                timeZone,
                d.workingDays,
                d.workingWindows,
                d.intervalMinutes,
                d.quietPeriods,
                d.doNotDisturbUntil,
                d.dailyCap,
                d.equipment,
                d.positions,
                d.channels,
                d.webhook,
                false);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Duration interval() {
        return Duration.ofMinutes(intervalMinutes);
    }

    public boolean deliversByWebhook() {
        return webhook != null && channels.contains("webhook");
    }

    /** @param secret {@code whsec_} followed by the base64 key, as the Standard Webhooks scheme writes it */
    public record Webhook(String url, String secret) {}
}

package io.limber.reminder.api;

import java.time.Instant;
import java.util.List;

/**
 * @param enabled whether prompts come; false until the member saves preferences (opts in)
 * @param customised false while the member has never saved preferences and the defaults apply
 * @param nextPromptAt when the next prompt is due; null while paused, switched off or never saved
 */
public record PreferencesResponse(
        String timeZone,
        List<String> workingDays,
        List<WindowDto> workingWindows,
        int intervalMinutes,
        List<WindowDto> quietPeriods,
        Instant doNotDisturbUntil,
        int dailyCap,
        List<String> equipment,
        List<String> positions,
        List<String> channels,
        WebhookView webhook,
        boolean enabled,
        boolean customised,
        Instant nextPromptAt) {

    /** The secret is write-only: the response only says one is set. */
    public record WebhookView(String url, boolean secretSet) {}
}

package io.limber.reminder.mapping;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.reminder.api.PreferencesRequest;
import io.limber.reminder.api.PreferencesResponse;
import io.limber.reminder.api.WindowDto;
import io.limber.reminder.domain.Preferences;
import io.limber.reminder.domain.Window;

@ApplicationScoped
public class PreferencesMapper {

    /**
     * A validated request as preferences: fields left out take the defaults, but for the zone.
     *
     * @param timeZone the zone the preferences are read in (PreferencesService.zoneOf)
     */
    public Preferences toDomain(PreferencesRequest request, String timeZone) {
        Preferences d = Preferences.defaults();
        return new Preferences(
                timeZone,
                request.workingDays() != null ? days(request.workingDays()) : d.workingDays(),
                request.workingWindows() != null ? windows(request.workingWindows()) : d.workingWindows(),
                request.intervalMinutes() != null ? request.intervalMinutes() : d.intervalMinutes(),
                request.quietPeriods() != null ? windows(request.quietPeriods()) : d.quietPeriods(),
                request.doNotDisturbUntil(),
                request.dailyCap() != null ? request.dailyCap() : d.dailyCap(),
                request.equipment() != null ? Set.copyOf(request.equipment()) : d.equipment(),
                request.positions() != null ? Set.copyOf(request.positions()) : d.positions(),
                request.channels() != null ? Set.copyOf(request.channels()) : d.channels(),
                request.webhook() != null
                        ? new Preferences.Webhook(
                                request.webhook().url().strip(),
                                request.webhook().secret())
                        : null,
                request.enabled() != null ? request.enabled() : d.enabled());
    }

    public PreferencesResponse toResponse(Preferences prefs, boolean customised, Instant nextPromptAt) {
        return new PreferencesResponse(
                prefs.timeZone(),
                prefs.workingDays().stream().sorted().map(DayOfWeek::name).toList(),
                dtos(prefs.workingWindows()),
                prefs.intervalMinutes(),
                dtos(prefs.quietPeriods()),
                prefs.doNotDisturbUntil(),
                prefs.dailyCap(),
                List.copyOf(new TreeSet<>(prefs.equipment())),
                List.copyOf(new TreeSet<>(prefs.positions())),
                List.copyOf(new TreeSet<>(prefs.channels())),
                prefs.webhook() == null
                        ? null
                        : new PreferencesResponse.WebhookView(prefs.webhook().url(), true),
                prefs.enabled(),
                customised,
                nextPromptAt);
    }

    private static Set<DayOfWeek> days(List<String> names) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        names.forEach(n -> days.add(DayOfWeek.valueOf(n.toUpperCase(Locale.ROOT))));
        return days;
    }

    private static List<Window> windows(List<WindowDto> dtos) {
        return dtos.stream()
                .map(w -> Window.parse(w.start(), w.end()))
                .sorted(Comparator.comparingInt(Window::startMinute))
                .toList();
    }

    private static List<WindowDto> dtos(List<Window> windows) {
        return windows.stream().map(w -> new WindowDto(w.start(), w.end())).toList();
    }
}

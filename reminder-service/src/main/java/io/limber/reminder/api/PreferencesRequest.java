package io.limber.reminder.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member's reminder preferences; every field left out takes its default. */
@ValidPreferences
public record PreferencesRequest(
        @Schema(description = "IANA time zone id", examples = "Europe/Berlin") @Size(max = 64)
        String timeZone,

        @Schema(examples = "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]") @Size(max = 7)
        List<@NotNull @Pattern(regexp = DAY, message = "must be a day of the week, e.g. MONDAY") String> workingDays,

        @Size(min = 1, max = 8) List<@NotNull @Valid WindowDto> workingWindows,

        @Schema(description = "Minutes between prompts, 1 to 1440", examples = "50")
        @Min(value = 1, message = "must be at least 1 minute")
        @Max(value = 1440, message = "must be at most a day (1440 minutes)")
        Integer intervalMinutes,

        @Size(max = 12) List<@NotNull @Valid WindowDto> quietPeriods,
        Instant doNotDisturbUntil,

        @Schema(description = "Most prompts in one local day", examples = "8") @Min(1) @Max(100)
        Integer dailyCap,

        @Schema(examples = "[\"chair\",\"wall\"]") @Size(max = 20)
        List<
                        @NotNull
                        @Pattern(regexp = TAG, message = "must be an equipment tag such as chair or resistance-band")
                        String>
                equipment,

        @Schema(examples = "[\"seated\",\"standing\"]") @Size(min = 1, max = 3)
        List<@NotNull @Pattern(regexp = POSITION, message = "must be seated, standing or lying") String> positions,

        @Schema(examples = "[\"push\"]") @Size(max = 3)
        List<@NotNull @Pattern(regexp = CHANNEL, message = "must be push, email or webhook") String> channels,

        @Valid WebhookRequest webhook,

        @Schema(
                description = "Whether prompts come. Saving preferences opts in, so left out it is true;"
                        + " false saves them switched off")
        Boolean enabled) {

    // The OpenAPI document copies these patterns as ECMA-262 regular expressions, searched rather than
    // matched whole: so anchored, and case-blind days spelled with classes, as ECMA-262 has no (?i)
    // and SmallRye drops @Pattern's flags. Bean validation matches whole either way.
    static final String DAY = "^(?:[Mm][Oo][Nn]|[Tt][Uu][Ee][Ss]|[Ww][Ee][Dd][Nn][Ee][Ss]|[Tt][Hh][Uu][Rr][Ss]"
            + "|[Ff][Rr][Ii]|[Ss][Aa][Tt][Uu][Rr]|[Ss][Uu][Nn])[Dd][Aa][Yy]$";
    static final String TAG = "^[a-z0-9][a-z0-9-]{0,39}$";
    static final String POSITION = "^(?:seated|standing|lying)$";
    static final String CHANNEL = "^(?:push|email|webhook)$";
}

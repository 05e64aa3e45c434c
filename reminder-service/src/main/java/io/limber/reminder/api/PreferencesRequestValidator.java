package io.limber.reminder.api;

import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import io.limber.reminder.domain.TimeZones;
import io.limber.reminder.domain.Window;

public class PreferencesRequestValidator implements ConstraintValidator<ValidPreferences, PreferencesRequest> {

    static final String SECRET_PREFIX = "whsec_";

    @Override
    public boolean isValid(PreferencesRequest request, ConstraintValidatorContext context) {
        if (request == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        if (request.timeZone() != null && TimeZones.known(request.timeZone()).isEmpty()) {
            valid = violation(context, "timeZone", "must be an IANA time zone id, e.g. Europe/Berlin");
        }
        valid &= windows(context, "workingWindows", request.workingWindows());
        valid &= windows(context, "quietPeriods", request.quietPeriods());
        if (request.channels() != null && request.channels().contains("webhook") && request.webhook() == null) {
            valid = violation(context, "webhook", "is required when the webhook channel is chosen");
        }
        if (request.webhook() != null
                && request.webhook().secret() != null
                && !wellFormedSecret(request.webhook().secret())) {
            valid = violation(
                    context,
                    "webhook.secret",
                    "must be " + SECRET_PREFIX + " followed by a base64 key of 24 to 64 bytes");
        }
        return valid;
    }

    private static boolean windows(ConstraintValidatorContext context, String field, List<WindowDto> windows) {
        if (windows == null || windows.stream().anyMatch(w -> w == null || !wellFormed(w))) {
            return true; // the field constraints report these
        }
        boolean valid = true;
        for (int i = 0; i < windows.size(); i++) {
            WindowDto w = windows.get(i);
            if (Window.minutes(w.end()) <= Window.minutes(w.start())) {
                valid = violation(context, field + "[" + i + "].end", "must be after start (" + w.start() + ")");
            }
        }
        if (!valid) {
            return false;
        }
        List<WindowDto> sorted = windows.stream()
                .sorted(Comparator.comparingInt(w -> Window.minutes(w.start())))
                .toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (Window.minutes(sorted.get(i).start())
                    < Window.minutes(sorted.get(i - 1).end())) {
                return violation(
                        context,
                        field,
                        "must not overlap (" + sorted.get(i - 1).start() + "-"
                                + sorted.get(i - 1).end() + " and "
                                + sorted.get(i).start() + "-" + sorted.get(i).end() + ")");
            }
        }
        return true;
    }

    private static boolean wellFormed(WindowDto w) {
        return w.start() != null
                && w.end() != null
                && w.start().matches(WindowDto.TIME)
                && w.end().matches(WindowDto.TIME_OR_MIDNIGHT);
    }

    static boolean wellFormedSecret(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            return false;
        }
        try {
            int length = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())).length;
            return length >= 24 && length <= 64;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean violation(ConstraintValidatorContext context, String field, String message) {
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                .addPropertyNode(field)
                .addConstraintViolation();
        return false;
    }
}

package io.limber.reminder.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** Time zones as members' preferences name them: IANA ids such as {@code America/New_York}. */
public final class TimeZones {

    private TimeZones() {}

    /** The id if it names a zone this JVM knows; empty for null, blank or unknown. */
    public static Optional<String> known(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            ZoneId.of(id);
            return Optional.of(id);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}

package io.limber.reminder.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A daily span of local wall-clock time, as minutes of the day: {@code [startMinute, endMinute)},
 * where {@code endMinute} may be 1440 (midnight at the end of the day).
 */
public record Window(int startMinute, int endMinute) {

    public static final int END_OF_DAY = 24 * 60;

    public Window {
        if (startMinute < 0 || endMinute > END_OF_DAY || endMinute <= startMinute) {
            throw new IllegalArgumentException("A window must end after it starts, within one day");
        }
    }

    public static Window parse(String start, String end) {
        return new Window(minutes(start), minutes(end));
    }

    /** {@code HH:mm}, with {@code 24:00} allowed for the end of the day. */
    public static int minutes(String hhmm) {
        String[] parts = hhmm.split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    public static String format(int minutes) {
        return "%02d:%02d".formatted(minutes / 60, minutes % 60);
    }

    public String start() {
        return format(startMinute);
    }

    public String end() {
        return format(endMinute);
    }

    LocalDateTime startOn(LocalDate date) {
        return date.atStartOfDay().plusMinutes(startMinute);
    }

    LocalDateTime endOn(LocalDate date) {
        return date.atStartOfDay().plusMinutes(endMinute);
    }
}

package io.limber.reminder.support;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.limber.infra.test.TestTokens;
import io.limber.reminder.domain.Window;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** A fresh member per test, with preferences that make any moment of any day working time. */
public record Members(Db db) {

    public static String newId() {
        return "member-" + UUID.randomUUID();
    }

    /** A member's token as the portal issues it, with the standard zoneinfo claim (UTC). */
    public static String token(String memberId) {
        return TestTokens.member(memberId, "employer-test", "UTC");
    }

    public static Map<String, Object> alwaysWorking(int intervalMinutes) {
        Map<String, Object> prefs = new HashMap<>(everyDay("00:00", "24:00", intervalMinutes));
        prefs.put("dailyCap", 100);
        return Map.copyOf(prefs);
    }

    /** Preferences with one working hour a day, every day, from {@code startHour} o'clock UTC. */
    public static Map<String, Object> workingOneHourFrom(int startHour, int intervalMinutes) {
        return everyDay(Window.format(startHour * 60), Window.format(startHour * 60 + 60), intervalMinutes);
    }

    private static Map<String, Object> everyDay(String start, String end, int intervalMinutes) {
        return Map.of(
                "timeZone",
                "UTC",
                "workingDays",
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                "workingWindows",
                List.of(Map.of("start", start, "end", end)),
                "intervalMinutes",
                intervalMinutes);
    }

    public void put(String memberId, Map<String, Object> prefs) {
        given().auth()
                .oauth2(token(memberId))
                .contentType(ContentType.JSON)
                .body(prefs)
                .put("/api/v1/me/reminder-preferences")
                .then()
                .statusCode(200);
    }

    /** Moves the member's next prompt to {@code at}, as if the clock had reached it. */
    public void dueAt(String memberId, Instant at) {
        if (db.update(
                        "UPDATE prompt_schedule SET next_due_at = ? WHERE member_id = ?",
                        java.sql.Timestamp.from(at),
                        memberId)
                != 1) {
            throw new IllegalStateException("No schedule for " + memberId);
        }
    }

    public Instant nextDueAt(String memberId) {
        var ts = db.one(
                "SELECT next_due_at FROM prompt_schedule WHERE member_id = ?", java.sql.Timestamp.class, memberId);
        return ts == null ? null : ts.toInstant();
    }

    public long promptCount(String memberId) {
        return db.one("SELECT count(*) FROM prompt WHERE member_id = ?", Long.class, memberId);
    }

    /** A member with one prompt sent to them now: its id. */
    public UUID withOnePrompt(String memberId) {
        put(memberId, alwaysWorking(60));
        dueAt(memberId, Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> promptCount(memberId) == 1);
        return db.one("SELECT id FROM prompt WHERE member_id = ?", UUID.class, memberId);
    }
}

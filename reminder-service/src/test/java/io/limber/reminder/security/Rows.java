package io.limber.reminder.security;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

import io.limber.infra.test.DbCount;

/**
 * What a refused request must not have changed, read straight from the database: a snapshot to
 * compare before and after.
 */
record Rows(DataSource dataSource) {

    /**
     * Row counts of what a request can write, for the members named (the dispatcher keeps
     * prompting other tests' members meanwhile), and every member's saved preferences, which only
     * a request writes.
     */
    Map<String, Long> snapshot(String... members) {
        String in = "member_id = ANY (?)";
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("reminder_preferences", one("SELECT count(*) FROM reminder_preferences"));
        counts.put(
                "preferences last saved (ms)",
                one(
                        "SELECT coalesce(floor(extract(epoch FROM max(updated_at)) * 1000), 0) FROM reminder_preferences WHERE "
                                + in,
                        (Object) members));
        counts.put("prompt_schedule", one("SELECT count(*) FROM prompt_schedule WHERE " + in, (Object) members));
        counts.put("prompts", one("SELECT count(*) FROM prompt WHERE " + in, (Object) members));
        counts.put(
                "prompts acted on",
                one("SELECT count(*) FROM prompt WHERE (status <> 'sent' OR snooze_count > 0) AND " + in, (Object)
                        members));
        counts.put("webhook_delivery", one("SELECT count(*) FROM webhook_delivery WHERE " + in, (Object) members));
        counts.put("outbox events", one("SELECT count(*) FROM outbox_event WHERE message_key = ANY (?)", (Object)
                members));
        return counts;
    }

    long one(String sql, Object... params) {
        return DbCount.of(dataSource, sql, params);
    }
}

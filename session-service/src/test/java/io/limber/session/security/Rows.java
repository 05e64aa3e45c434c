package io.limber.session.security;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

import io.limber.infra.test.DbCount;

/**
 * What a refused request must not have changed, read straight from the database: a snapshot to
 * compare before and after.
 */
record Rows(DataSource dataSource) {

    /** Row counts of every table a request can write, and the newest outbox event. */
    Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table :
                new String[] {"exercise_session", "tolerance_report", "recommendation", "idempotency_record"}) {
            counts.put(table, one("SELECT count(*) FROM " + table));
        }
        counts.put("outbox_event max(seq)", one("SELECT coalesce(max(seq), 0) FROM outbox_event"));
        // A check-in changes a row rather than adding one.
        counts.put(
                "reports with a check-in", one("SELECT count(*) FROM tolerance_report WHERE morning_pain IS NOT NULL"));
        return counts;
    }

    long one(String sql, Object... params) {
        return DbCount.of(dataSource, sql, params);
    }
}

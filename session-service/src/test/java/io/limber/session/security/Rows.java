package io.limber.session.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What a refused request must not have changed, read straight from the database: a snapshot to
 * compare before and after.
 */
record Rows(DataSource dataSource) {

    /** Row counts of every table a request can write, and the newest outbox event. */
    Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : new String[] {"exercise_session", "tolerance_report", "recommendation"}) {
            counts.put(table, one("SELECT count(*) FROM " + table));
        }
        counts.put("outbox_event max(seq)", one("SELECT coalesce(max(seq), 0) FROM outbox_event"));
        // A check-in changes a row rather than adding one.
        counts.put(
                "reports with a check-in", one("SELECT count(*) FROM tolerance_report WHERE morning_pain IS NOT NULL"));
        return counts;
    }

    long one(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

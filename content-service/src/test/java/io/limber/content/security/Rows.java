package io.limber.content.security;

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

    /** Entries, their versions (bumped by every change), revisions and the newest outbox event. */
    Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("catalog_entry", one("SELECT count(*) FROM catalog_entry"));
        counts.put("sum(version)", one("SELECT coalesce(sum(version), 0) FROM catalog_entry"));
        counts.put("catalog_revision", one("SELECT count(*) FROM catalog_revision"));
        counts.put("outbox_event max(seq)", one("SELECT coalesce(max(seq), 0) FROM outbox_event"));
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

package io.limber.content.security;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

import io.limber.infra.test.DbCount;

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
        return DbCount.of(dataSource, sql, params);
    }
}

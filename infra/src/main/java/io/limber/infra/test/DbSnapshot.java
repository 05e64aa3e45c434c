package io.limber.infra.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Every table of a service's database as a row count and a hash of its rows, in one query, so a
 * test can require that a request changed nothing. Columns and rows that background work writes
 * (the outbox relay's {@code published_at}, a dispatcher's prompts for other tests' members) can
 * be left out, table by table.
 */
public final class DbSnapshot {

    private final DataSource dataSource;
    private final Map<String, String> ignoredColumns = new TreeMap<>();
    private final Map<String, String> conditions = new TreeMap<>();
    private final List<String> ignoredTables =
            new ArrayList<>(List.of("flyway_schema_history", "outbox_schema_history"));
    private String query;

    public DbSnapshot(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DbSnapshot ignoreTable(String table) {
        ignoredTables.add(table);
        query = null;
        return this;
    }

    public DbSnapshot ignoreColumns(String table, String... columns) {
        StringBuilder minus = new StringBuilder();
        for (String column : columns) {
            minus.append(" - '").append(column).append('\'');
        }
        ignoredColumns.put(table, minus.toString());
        query = null;
        return this;
    }

    /** Only the rows that match {@code condition} (SQL over the table's columns) count. */
    public DbSnapshot where(String table, String condition) {
        conditions.put(table, condition);
        query = null;
        return this;
    }

    /** Table name to "row count, row hash". */
    public Map<String, String> take() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            if (query == null) {
                query = query(s);
            }
            Map<String, String> tables = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) {
                    tables.put(rs.getString(1), rs.getLong(2) + " " + rs.getString(3));
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String query(Statement s) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (ignoredTables.contains(table)) {
                    continue;
                }
                String row = "(to_jsonb(t)" + ignoredColumns.getOrDefault(table, "") + ")::text";
                // A sum of 64-bit row hashes: independent of row order, so no sort and no table-sized
                // string per snapshot (the fuzzers take one after each of ~1,000 requests).
                parts.add("SELECT '" + table + "', count(*), coalesce(sum(hashtextextended(" + row
                        + ", 0)::numeric), 0)::text FROM \"" + table + "\" t WHERE "
                        + conditions.getOrDefault(table, "true"));
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException("no tables to snapshot");
        }
        return String.join(" UNION ALL ", parts);
    }
}

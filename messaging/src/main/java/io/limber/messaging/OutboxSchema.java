package io.limber.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * The outbox table's own migrations ({@code db/outbox}), under a history table of their own, so
 * the outbox is created by one migration file in every service that uses this library, as
 * gruelbox/transaction-outbox owns its table.
 *
 * <p>Before this library owned it, each service created the table in its own migrations (its
 * {@code V1__outbox.sql} and an {@code outbox_trace_context} one). {@link #handOver} removes those
 * entries from the service's history before the service's Flyway validates it, which would
 * otherwise refuse applied migrations that are no longer on the class path; the outbox migration
 * itself is written to find the table already there.
 */
final class OutboxSchema {

    private static final Logger LOG = Logger.getLogger(OutboxSchema.class);

    static final String HISTORY_TABLE = "outbox_schema_history";

    /** The scripts that created and extended the table when each service owned it. */
    static final List<String> SERVICE_SCRIPTS =
            List.of("V1__outbox.sql", "V3__outbox_trace_context.sql", "V4__outbox_trace_context.sql");

    private final DataSource dataSource;

    OutboxSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Forgets the service migrations that made the outbox; a no-op on a database without them. */
    void handOver(String serviceHistoryTable) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, serviceHistoryTable)) {
                return;
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + serviceHistoryTable
                    + " WHERE script = ANY (?) AND description IN ('outbox', 'outbox trace context')")) {
                delete.setArray(1, connection.createArrayOf("text", SERVICE_SCRIPTS.toArray()));
                int forgotten = delete.executeUpdate();
                if (forgotten > 0) {
                    LOG.infof(
                            "Handed the outbox table's %d migration(s) over from %s to %s",
                            forgotten, serviceHistoryTable, HISTORY_TABLE);
                }
            }
        }
    }

    /** Runs after the service's own migrations, so a new database is empty for those. */
    void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/outbox")
                .table(HISTORY_TABLE)
                // The service's tables are there already: start this history below its first version.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}

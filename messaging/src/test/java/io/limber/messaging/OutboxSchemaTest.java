package io.limber.messaging;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox table is made by messaging's one migration, on a new database and on one whose
 * service made it with its own migrations before (db/legacy-outbox holds those files as they were).
 * Each case gets a database of its own on the real PostgreSQL server.
 */
@QuarkusTest
class OutboxSchemaTest {

    @Inject
    AgroalDataSource server;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aNewDatabaseGetsTheWholeTableFromOneMigration() throws SQLException {
        DataSource db = newDatabase();

        service(db, "db/legacy-service").migrate();
        new OutboxSchema(db).migrate();

        assertThat(columns(db)).contains("seq", "id", "payload", "published_at", "traceparent", "tracestate");
        assertThat(strings(db, "SELECT script FROM outbox_schema_history WHERE success ORDER BY installed_rank"))
                .contains("V1__outbox.sql");
        assertThat(strings(db, "SELECT script FROM flyway_schema_history WHERE script IS NOT NULL"))
                .doesNotContain("V1__outbox.sql");
    }

    @Test
    void aDatabaseWhoseServiceMadeTheOutboxIsHandedOverWithItsRows() throws SQLException {
        DataSource db = newDatabase();
        service(db, "db/legacy-outbox", "db/legacy-service").migrate();
        UUID pending = UUID.randomUUID();
        execute(
                db,
                "INSERT INTO outbox_event (id, topic, message_key, event_type) VALUES ('" + pending
                        + "', 't', 'k', 'limber.test')");

        OutboxSchema outbox = new OutboxSchema(db);
        outbox.handOver("flyway_schema_history");
        service(db, "db/legacy-service").migrate();
        outbox.migrate();

        assertThat(strings(db, "SELECT id::text FROM outbox_event WHERE published_at IS NULL"))
                .containsExactly(pending.toString());
        assertThat(columns(db)).contains("traceparent", "tracestate");
        assertThat(strings(db, "SELECT script FROM flyway_schema_history WHERE script IS NOT NULL"))
                .containsExactly("V2__service.sql");
        assertThat(strings(db, "SELECT script FROM outbox_schema_history WHERE success ORDER BY installed_rank"))
                .contains("V1__outbox.sql");
    }

    @Test
    void withoutTheHandOverTheServiceWouldRefuseToStart() throws SQLException {
        DataSource db = newDatabase();
        service(db, "db/legacy-outbox", "db/legacy-service").migrate();

        // Why handOver exists: the service's history names migrations no longer on its class path.
        assertThatThrownBy(() -> service(db, "db/legacy-service").migrate())
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("not resolved locally");
    }

    @Test
    void theHandOverAndTheMigrationCanRunAgainOnEveryStart() throws SQLException {
        DataSource db = newDatabase();
        service(db, "db/legacy-service").migrate();
        OutboxSchema outbox = new OutboxSchema(db);
        outbox.migrate();

        outbox.handOver("flyway_schema_history");
        service(db, "db/legacy-service").migrate();
        outbox.migrate();

        assertThat(strings(db, "SELECT script FROM outbox_schema_history WHERE script = 'V1__outbox.sql'"))
                .hasSize(1);
    }

    private static Flyway service(DataSource db, String... locations) {
        return Flyway.configure()
                .dataSource(db)
                .locations(java.util.Arrays.stream(locations)
                        .map(l -> "classpath:" + l)
                        .toArray(String[]::new))
                .load();
    }

    private DataSource newDatabase() throws SQLException {
        String name = "outbox_" + UUID.randomUUID().toString().replace("-", "");
        execute(server, "CREATE DATABASE " + name);
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        db.setUser(username);
        db.setPassword(password);
        return db;
    }

    private static List<String> columns(DataSource db) throws SQLException {
        return strings(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'outbox_event'");
    }

    private static List<String> strings(DataSource db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

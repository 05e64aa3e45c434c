package io.limber.messaging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Starts a service against a database that is slow or not there yet (a whole stack starting on
 * two cores, PostgreSQL restarted under it): before anything else at start-up it waits for the
 * database ({@link DatabaseWait}, {@code limber.startup.database-wait}), then runs the service's
 * Flyway migrations and the outbox table's own ({@link OutboxSchema}), which
 * {@code quarkus.flyway.migrate-at-start} would have run against a pool that gives up after its
 * request-time acquisition timeout, then checks the entities against the
 * migrated schema (what {@code schema-management.strategy=validate} did before any migration
 * could have run here).
 */
@ApplicationScoped
public class DatabaseStartup {

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class);

    @Inject
    Flyway flyway;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** How long start-up waits for the database before the service gives up and exits. */
    @ConfigProperty(name = "limber.startup.database-wait", defaultValue = "60s")
    Duration wait;

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event)
            throws InterruptedException, java.sql.SQLException {
        DatabaseWait databaseWait =
                new DatabaseWait(withoutParameters(url), wait, System::nanoTime, d -> Thread.sleep(d.toMillis()));
        try {
            databaseWait.await(this::connectOnce);
        } catch (DatabaseWait.Unreachable e) {
            LOG.error(e.getMessage()); // the one line an operator reads; the stack follows from Quarkus
            throw e;
        }
        OutboxSchema outbox = new OutboxSchema(dataSource);
        outbox.handOver(flyway.getConfiguration().getTable());
        flyway.migrate();
        outbox.migrate();
        sessionFactory.getSchemaManager().validateMappedObjects();
    }

    private void connectOnce() throws java.sql.SQLException {
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "5");
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            // Connected: the server is up and the database exists.
        }
    }

    /** The URL as log lines may show it: parameters can carry a password. */
    static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}

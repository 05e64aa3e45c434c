package io.limber.messaging;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

/**
 * Waits, at start-up, until a database accepts a connection: retries with a doubling backoff
 * while the failure is one that passes by itself (the server not listening yet, starting up or
 * running its init scripts), up to a limit, then fails with one line naming the database and the
 * variable to fix. A refused login fails at once: waiting does not mend a wrong password.
 *
 * <p>Our own loop rather than Flyway's {@code connectRetries}: that one ends in a stack trace
 * that names neither the database nor the setting, and it would borrow its connections from the
 * pool, whose 3 s acquisition timeout is meant for requests (where it turns an outage into a 503).
 */
final class DatabaseWait {

    /** Something that opens and closes one connection, or says why it could not. */
    @FunctionalInterface
    interface Probe {
        void connect() throws SQLException;
    }

    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Thrown when the database did not answer in time, or refused for a reason waiting does not mend. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Logger LOG = Logger.getLogger(DatabaseWait.class);

    static final Duration FIRST_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);

    /**
     * SQLSTATEs that pass by themselves: connection exceptions (08), the server starting or
     * stopping (57P01-57P03), too many connections (53300), the database not created yet by an
     * init script (3D000).
     */
    private static final Set<String> PASSING = Set.of("57P01", "57P02", "57P03", "53300", "3D000");

    private final String database;
    private final Duration limit;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    /**
     * @param database how log lines and the error name the database: its JDBC URL without parameters
     */
    DatabaseWait(String database, Duration limit, LongSupplier nanoTime, Sleeper sleeper) {
        this.database = database;
        this.limit = limit;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** The pause after the given failed attempt (1 for the first): 0.5 s doubling, at most 5 s. */
    static Duration delayAfter(int attempt) {
        Duration delay = FIRST_DELAY;
        for (int i = 1; i < attempt && delay.compareTo(MAX_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    static boolean passes(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || PASSING.contains(state);
    }

    /** Returns once the probe connects; throws {@link Unreachable} otherwise. */
    void await(Probe probe) throws InterruptedException {
        long started = nanoTime.getAsLong();
        long deadline = started + limit.toNanos();
        long nextNotice = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                probe.connect();
                if (attempt > 1) {
                    LOG.infof("%s answers after %d attempts", database, attempt);
                }
                return;
            } catch (SQLException e) {
                if (!passes(e)) {
                    throw new Unreachable(
                            database + " refused the service (" + describe(e)
                                    + "): check QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD and QUARKUS_DATASOURCE_JDBC_URL",
                            e);
                }
                long now = nanoTime.getAsLong();
                Duration delay = delayAfter(attempt);
                if (now + delay.toNanos() > deadline) {
                    throw new Unreachable(
                            database + " did not answer within " + seconds(limit) + " s (last: " + describe(e)
                                    + "): check QUARKUS_DATASOURCE_JDBC_URL, or wait longer with LIMBER_STARTUP_DATABASE_WAIT",
                            e);
                }
                if (now >= nextNotice) {
                    LOG.warnf(
                            "Waiting for %s (%s); %d s of %d s (LIMBER_STARTUP_DATABASE_WAIT) gone",
                            database,
                            describe(e),
                            Duration.ofNanos(now - started).toSeconds(),
                            limit.toSeconds());
                    nextNotice = now + Duration.ofSeconds(10).toNanos();
                }
                sleeper.sleep(delay);
            }
        }
    }

    private static long seconds(Duration d) {
        return d.toSeconds();
    }

    private static String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}

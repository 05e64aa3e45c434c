package io.limber.messaging;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up wait on a clock the test moves: its sleeps advance the clock and are recorded. */
class DatabaseWaitTest {

    private static final String DB = "jdbc:postgresql://db:5432/sessions";

    private final AtomicLong now = new AtomicLong();
    private final List<Duration> slept = new ArrayList<>();
    private final DatabaseWait wait = new DatabaseWait(DB, Duration.ofSeconds(60), now::get, d -> {
        slept.add(d);
        now.addAndGet(d.toNanos());
    });

    @ParameterizedTest(name = "after attempt {0}: {1} ms")
    @CsvSource({"1, 500", "2, 1000", "3, 2000", "4, 4000", "5, 5000", "6, 5000", "40, 5000"})
    void theBackoffDoublesFromHalfASecondUpToFive(int attempt, long millis) {
        assertThat(DatabaseWait.delayAfter(attempt)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "SQLSTATE {0} passes by itself: {1}")
    @CsvSource({
        "08001, true", // connection refused: not listening yet
        "08006, true", // connection failure
        "57P03, true", // the database system is starting up
        "3D000, true", // the database is not created yet (init scripts still running)
        "53300, true", // too many connections
        "28P01, false", // wrong password
        "28000, false", // no such role
        "42501, false" // not allowed
    })
    void onlyFailuresThatPassByThemselvesAreWaitedFor(String state, boolean passes) {
        assertThat(DatabaseWait.passes(new SQLException("x", state))).isEqualTo(passes);
    }

    @Test
    void aDatabaseThatAnswersOnTheFourthAttemptIsWaitedFor() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        wait.await(() -> {
            if (attempts.incrementAndGet() < 4) {
                throw new SQLException("Connection to db:5432 refused.", "08001");
            }
        });
        assertThat(attempts.get()).isEqualTo(4);
        assertThat(slept).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aDatabaseThatNeverAnswersFailsWithOneLineNamingItAndTheVariable() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> wait.await(() -> {
                    attempts.incrementAndGet();
                    throw new SQLException("Connection to db:5432 refused.", "08001");
                }))
                .isInstanceOf(DatabaseWait.Unreachable.class)
                .hasMessageContaining(DB)
                .hasMessageContaining("did not answer within 60 s")
                .hasMessageContaining("Connection to db:5432 refused.")
                .hasMessageContaining("QUARKUS_DATASOURCE_JDBC_URL")
                .hasMessageContaining("LIMBER_STARTUP_DATABASE_WAIT")
                .hasMessageNotContaining("\n");
        assertThat(Duration.ofNanos(now.get()))
                .as("waited up to the limit, not past it")
                .isLessThanOrEqualTo(Duration.ofSeconds(60))
                .isGreaterThan(Duration.ofSeconds(50));
        assertThat(attempts.get()).isGreaterThan(10);
    }

    @Test
    void aRefusedLoginFailsAtOnceNamingTheCredentials() {
        assertThatThrownBy(() -> wait.await(() -> {
                    throw new SQLException("password authentication failed for user \"limber\"", "28P01");
                }))
                .isInstanceOf(DatabaseWait.Unreachable.class)
                .hasMessageContaining("QUARKUS_DATASOURCE_PASSWORD")
                .hasMessageContaining("password authentication failed");
        assertThat(slept).isEmpty();
    }

    @Test
    void parametersThatMayHoldAPasswordAreLeftOutOfTheName() {
        assertThat(DatabaseStartup.withoutParameters("jdbc:postgresql://db/x?password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x");
        assertThat(DatabaseStartup.withoutParameters(DB)).isEqualTo(DB);
    }
}

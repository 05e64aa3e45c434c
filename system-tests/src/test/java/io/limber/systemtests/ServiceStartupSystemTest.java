package io.limber.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.limber.infra.Infrastructure;
import io.limber.infra.PostgresServer;
import io.limber.infra.jwt.KeyPairFiles;
import io.limber.infra.launcher.PackagedService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A packaged service started while its PostgreSQL is down (a whole stack starting at once, the
 * database restarted under it): it waits, saying so, and is ready once the database comes, with
 * nobody restarting it; a database that never comes ends it with one line naming what to fix.
 */
class ServiceStartupSystemTest {

    private static final String SERVICE = "content-service";
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @TempDir
    static Path data;

    private static Infrastructure infra;
    private static PostgresServer postgres;
    private static KeyPairFiles keys;

    @BeforeAll
    static void startInfrastructure() {
        infra = Infrastructure.start(
                new Infrastructure.Settings(data.resolve("postgres"), 0, data.resolve("postgres.log"), null, 0));
        postgres = infra.postgres();
        keys = KeyPairFiles.in(data.resolve("keys")).ensureExists();
    }

    @AfterAll
    static void stopInfrastructure() {
        if (postgres != null) {
            postgres.close();
        }
        if (infra != null) {
            infra.kafka().close();
        }
    }

    @Test
    void aServiceStartedBeforeItsDatabaseAnswersBecomesReadyOnceItComes() throws IOException {
        postgres.createDatabase("startup_waits");
        Map<String, String> env = RunningSuite.serviceEnv(infra, "startup_waits", keys, Map.of());
        postgres.stopImmediately();
        try (PackagedService service = RunningSuite.startPackaged(home("waits"), SERVICE, env)) {
            await("the service says it waits for its database")
                    .atMost(PATIENCE)
                    .until(() -> logOf(service).contains("Waiting for jdbc:postgresql://"));
            assertThat(service.alive()).as("still starting, not given up").isTrue();
            assertThat(service.ready()).isFalse();

            postgres = postgres.restart();

            await("ready once PostgreSQL is back, with no manual step")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        assertThat(service.alive())
                                .as("exited instead of waiting: %s", service.lastLines())
                                .isTrue();
                        return service.ready();
                    });
            assertThat(logOf(service)).contains("answers after");
        }
    }

    @Test
    void aDatabaseThatNeverComesEndsTheServiceWithOneLineNamingWhatToFix() throws IOException {
        postgres.createDatabase("startup_gives_up");
        Map<String, String> env =
                RunningSuite.serviceEnv(infra, "startup_gives_up", keys, Map.of("LIMBER_STARTUP_DATABASE_WAIT", "3s"));
        postgres.stopImmediately();
        try (PackagedService service = RunningSuite.startPackaged(home("gives-up"), SERVICE, env)) {
            await("the service gives up after its 3 s wait").atMost(PATIENCE).until(() -> !service.alive());
            assertThat(service.exitCode()).isNotZero();
            assertThat(logOf(service))
                    .contains("did not answer within 3 s")
                    .contains("QUARKUS_DATASOURCE_JDBC_URL")
                    .contains("LIMBER_STARTUP_DATABASE_WAIT");
        } finally {
            postgres = postgres.restart();
        }
    }

    private static Path home(String name) {
        Path home = Path.of("target", "startup-" + name).toAbsolutePath();
        RunningSuite.prepareHome(home);
        return home;
    }

    private static String logOf(PackagedService service) throws IOException {
        return Files.exists(service.log()) ? Files.readString(service.log()) : "";
    }
}

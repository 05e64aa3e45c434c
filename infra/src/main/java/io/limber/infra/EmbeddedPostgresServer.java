package io.limber.infra;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL 17 server started from the binaries that Maven Central ships, as the current user.
 *
 * <p>With a data directory the data survives a restart; without one a temporary cluster is made
 * and removed on close.
 */
final class EmbeddedPostgresServer implements PostgresServer {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * @param dataDirectory where the cluster lives, or null for a throw-away one
     * @param port the port to listen on, 0 for any free one
     * @param log where the server's own output goes
     */
    static EmbeddedPostgresServer start(Path dataDirectory, int port, Path log) {
        if (port > 0 && Ports.inUse(port)) {
            throw new InfrastructureException("Port " + port + " is already in use, so PostgreSQL cannot listen"
                    + " there. Stop what holds it, or choose another port with LIMBER_POSTGRES_PORT.");
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port > 0 ? port : Ports.free())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    // A kept cluster must not lose an acknowledged commit; a throw-away one may trade
                    // durability for test speed.
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (log != null) {
                Files.createDirectories(log.getParent());
                builder.setOutputRedirector(Redirect.appendTo(log.toFile()))
                        .setErrorRedirector(Redirect.appendTo(log.toFile()));
            }
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory.getParent());
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new EmbeddedPostgresServer(builder.start(), dataDirectory);
        } catch (IOException | RuntimeException e) {
            throw new InfrastructureException(
                    "PostgreSQL did not start"
                            + (dataDirectory == null ? "" : " (data in " + dataDirectory + ")") + ": " + rootMessage(e)
                            + (log == null ? "" : ". Its log: " + log),
                    e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @Override
    public String description() {
        return "PostgreSQL 17 on 127.0.0.1:" + port() + " (embedded"
                + (dataDirectory == null ? ", temporary" : ", data in " + dataDirectory) + ")";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new InfrastructureException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}

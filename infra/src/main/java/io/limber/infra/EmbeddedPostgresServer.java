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
    private final Path log;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, Path log) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.log = log;
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
            return new EmbeddedPostgresServer(builder.start(), dataDirectory, log);
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
    public void stopImmediately() {
        if (dataDirectory == null) {
            throw new UnsupportedOperationException("A temporary cluster is removed on stop: nothing to restart");
        }
        try {
            // The postmaster's pid is the first line of postmaster.pid; it ends its backends itself.
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
            Process kill = new ProcessBuilder("kill", "-QUIT", String.valueOf(pid))
                    .redirectErrorStream(true)
                    .start();
            if (kill.waitFor() != 0) {
                throw new InfrastructureException("kill -QUIT " + pid + " failed: "
                        + new String(kill.getInputStream().readAllBytes()).trim());
            }
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
            // Releases the data directory's lock; the server is gone, so its pg_ctl stop only complains.
            postgres.close();
        } catch (IOException e) {
            throw new InfrastructureException("PostgreSQL could not be stopped: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("Interrupted while stopping PostgreSQL", e);
        }
    }

    @Override
    public PostgresServer restart() {
        if (dataDirectory == null) {
            throw new UnsupportedOperationException("A temporary cluster cannot be restarted");
        }
        return start(dataDirectory, port(), log);
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

package io.limber.infra.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running launcher left in {@code .limber/run.properties}: its own pid and its children's,
 * so {@code ./limber down} and {@code status} can find them from another terminal.
 */
record RunState(
        long launcherPid, List<Long> childPids, int postgresPort, String kafka, long kafkaPid, List<String> services) {

    static Path file(Path home) {
        return home.resolve(".limber/run.properties");
    }

    void write(Path home) {
        Properties p = new Properties();
        p.setProperty("launcher.pid", String.valueOf(launcherPid));
        p.setProperty("child.pids", join(childPids));
        p.setProperty("postgres.port", String.valueOf(postgresPort));
        p.setProperty("kafka", kafka);
        p.setProperty("kafka.pid", String.valueOf(kafkaPid));
        p.setProperty("services", String.join(",", services));
        try (var out = Files.newBufferedWriter(file(home))) {
            p.store(out, "Written by ./limber up; removed when it stops");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<RunState> read(Path home) {
        Path file = file(home);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        List<Long> children = new ArrayList<>();
        for (String pid : p.getProperty("child.pids", "").split(",")) {
            if (!pid.isBlank()) {
                children.add(Long.parseLong(pid.trim()));
            }
        }
        return Optional.of(new RunState(
                Long.parseLong(p.getProperty("launcher.pid", "-1")),
                children,
                Integer.parseInt(p.getProperty("postgres.port", "0")),
                p.getProperty("kafka", ""),
                Long.parseLong(p.getProperty("kafka.pid", "-1")),
                List.of(p.getProperty("services", "").split(","))));
    }

    static void delete(Path home) {
        try {
            Files.deleteIfExists(file(home));
        } catch (IOException ignored) {
            // Stale state is detected by its dead pid next time.
        }
    }

    boolean launcherAlive() {
        return ProcessHandle.of(launcherPid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String join(List<Long> pids) {
        return String.join(",", pids.stream().map(String::valueOf).toList());
    }
}

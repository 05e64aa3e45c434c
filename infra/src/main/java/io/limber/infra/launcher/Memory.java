package io.limber.infra.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of the suite's processes, read from /proc (Linux). */
final class Memory {

    private Memory() {}

    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or the process is gone.
        }
        return -1;
    }

    /** The broker is the launcher's child JVM that runs BrokerMain. */
    static long kafkaRssMb(long launcherPid) {
        return ProcessHandle.of(launcherPid).stream()
                .flatMap(ProcessHandle::children)
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> String.join(" ", a).contains("BrokerMain"))
                        .orElse(false))
                .mapToLong(p -> rssMb(p.pid()))
                .findFirst()
                .orElse(-1);
    }

    /** PostgreSQL is one postmaster and its backends: all of them count. */
    static long postgresRssMb(Path home) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(home.resolve(".limber/postgres/postmaster.pid"))
                    .get(0)
                    .trim());
            return ProcessHandle.of(postmaster).stream()
                    .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                    .mapToLong(p -> Math.max(0, rssMb(p.pid())))
                    .sum();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

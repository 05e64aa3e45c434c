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

    /**
     * PostgreSQL is one postmaster and its backends, which share their buffers: proportional set
     * sizes add up to the real total where resident sizes would count the shared part many times.
     */
    static long postgresRssMb(Path home) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(home.resolve(".limber/postgres/postmaster.pid"))
                    .get(0)
                    .trim());
            return ProcessHandle.of(postmaster).stream()
                            .flatMap(
                                    p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                            .mapToLong(p -> Math.max(0, pssKb(p.pid())))
                            .sum()
                    / 1024;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long pssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or the process is gone.
        }
        return 0;
    }
}

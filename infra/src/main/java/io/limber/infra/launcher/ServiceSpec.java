package io.limber.infra.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.limber.infra.InfrastructureException;

/** One of the suite's services as the launcher runs it. */
record ServiceSpec(String name, int port, String database, String color) {

    static List<ServiceSpec> all(Env env) {
        return List.of(
                new ServiceSpec("content-service", env.port("LIMBER_CONTENT_PORT", 8081), "content", "\u001b[36m"),
                new ServiceSpec("session-service", env.port("LIMBER_SESSION_PORT", 8082), "sessions", "\u001b[35m"),
                new ServiceSpec("reminder-service", env.port("LIMBER_REMINDER_PORT", 8083), "reminders", "\u001b[33m"));
    }

    /**
     * The services {@code LIMBER_SERVICES} names (comma-separated), all three without it: e.g.
     * the session benchmark runs the write path without the consumers that would have their own
     * machines.
     */
    static List<ServiceSpec> selected(Env env) {
        List<ServiceSpec> all = all(env);
        String wanted = env.get("LIMBER_SERVICES", "");
        if (wanted.isBlank()) {
            return all;
        }
        List<String> names = Arrays.stream(wanted.split(","))
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .toList();
        for (String name : names) {
            if (all.stream().noneMatch(s -> s.name().equals(name))) {
                throw new InfrastructureException("LIMBER_SERVICES names '" + name + "', which is not one of "
                        + all.stream().map(ServiceSpec::name).toList() + ".");
            }
        }
        return all.stream().filter(s -> names.contains(s.name())).toList();
    }

    Path jar(Path home) {
        return home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String url() {
        return "http://localhost:" + port;
    }
}

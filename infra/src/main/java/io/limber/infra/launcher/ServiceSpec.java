package io.limber.infra.launcher;

import java.nio.file.Path;
import java.util.List;

/** One of the suite's services as the launcher runs it. */
record ServiceSpec(String name, int port, String database, String color) {

    static List<ServiceSpec> all(Env env) {
        return List.of(
                new ServiceSpec("content-service", env.port("LIMBER_CONTENT_PORT", 8081), "content", "\u001b[36m"),
                new ServiceSpec("session-service", env.port("LIMBER_SESSION_PORT", 8082), "sessions", "\u001b[35m"),
                new ServiceSpec("reminder-service", env.port("LIMBER_REMINDER_PORT", 8083), "reminders", "\u001b[33m"));
    }

    Path jar(Path home) {
        return home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String url() {
        return "http://localhost:" + port;
    }
}

package io.limber.infra.launcher;

import java.util.Map;

import io.limber.infra.InfrastructureException;

/** The launcher's settings, all from environment variables with local defaults. */
record Env(Map<String, String> values) {

    static Env system() {
        return new Env(System.getenv());
    }

    int port(String name, int fallback) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new InfrastructureException(name + " must be a port number (1-65535), not '" + value + "'");
        }
    }

    String get(String name, String fallback) {
        String value = values.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    boolean has(String name) {
        String value = values.get(name);
        return value != null && !value.isBlank();
    }
}

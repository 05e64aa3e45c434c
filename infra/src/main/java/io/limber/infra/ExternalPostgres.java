package io.limber.infra;

import java.net.URI;

/** A server somebody else runs, named by {@code LIMBER_POSTGRES_URL}; never stopped by us. */
record ExternalPostgres(String host, int port, String username, String password) implements PostgresServer {

    /** Accepts {@code jdbc:postgresql://host:port[/anything]} or {@code postgresql://host:port}. */
    static ExternalPostgres parse(String url, String username, String password) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        if (uri.getHost() == null) {
            throw new InfrastructureException(
                    "LIMBER_POSTGRES_URL must look like jdbc:postgresql://host:5432/, not '" + url + "'");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        if (!Ports.answers(uri.getHost(), port)) {
            throw new InfrastructureException("PostgreSQL is unreachable at " + uri.getHost() + ":" + port
                    + " (from LIMBER_POSTGRES_URL). Start it, or unset the variable to use a local one.");
        }
        return new ExternalPostgres(uri.getHost(), port, username, password);
    }

    @Override
    public String description() {
        return "PostgreSQL at " + host + ":" + port + " (external)";
    }

    @Override
    public void close() {}
}

package io.limber.infra;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a container, for machines with a Docker engine. */
final class ContainerPostgres implements PostgresServer {

    private final PostgreSQLContainer container;

    private ContainerPostgres(PostgreSQLContainer container) {
        this.container = container;
    }

    static ContainerPostgres start(String image) {
        PostgreSQLContainer container =
                new PostgreSQLContainer(image).withCommand("postgres", "-c", "max_connections=300");
        container.start();
        return new ContainerPostgres(container);
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(5432);
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public String description() {
        return "PostgreSQL on " + host() + ":" + port() + " (container " + container.getDockerImageName() + ")";
    }

    @Override
    public void close() {
        container.stop();
    }
}

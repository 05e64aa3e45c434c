package io.limber.infra;

/** A running PostgreSQL server that the suite may create its databases in. */
public interface PostgresServer extends AutoCloseable {

    String host();

    int port();

    String username();

    String password();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates the database unless it exists; services own their schema through Flyway. */
    default void createDatabase(String name) {
        Databases.createIfMissing(this, name);
    }

    String description();

    @Override
    void close();
}

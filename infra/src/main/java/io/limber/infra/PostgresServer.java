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

    /**
     * For fault tests: stops the server as a crash would, in immediate mode (SIGQUIT to the
     * postmaster, what {@code pg_ctl -m immediate} sends), so it recovers from its WAL on the next
     * start. Only a server this JVM started on a kept data directory can do this.
     */
    default void stopImmediately() {
        throw new UnsupportedOperationException(description() + " cannot be crashed from here");
    }

    /**
     * For fault tests: starts a server stopped with {@link #stopImmediately()} again on the same data
     * directory and port, and returns it once it accepts connections.
     */
    default PostgresServer restart() {
        throw new UnsupportedOperationException(description() + " cannot be restarted from here");
    }

    @Override
    void close();
}

package io.limber.web;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request that cannot get a database connection is answered 503 problem+json with
 * {@code Retry-After}, not 500: the pool is exhausted (Agroal's acquisition timeout), the
 * database does not answer or refuses connections. Such a request did nothing, so the client
 * may send it again; any other database error stays a 500.
 */
public class DatabaseUnavailableProblems {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableProblems.class);

    /** Seconds a client should wait: a pool frees up quickly, a database takes longer to come back. */
    static final int RETRY_POOL_EXHAUSTED = 1;

    static final int RETRY_DATABASE_DOWN = 5;

    @ServerExceptionMapper(priority = 4900)
    Response persistence(PersistenceException e) {
        return toResponse(e);
    }

    @ServerExceptionMapper(priority = 4900)
    Response sql(SQLException e) {
        return toResponse(e);
    }

    private static Response toResponse(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String message =
                        sql.getMessage() == null ? "" : sql.getMessage().toLowerCase();
                if (message.contains("acquisition timeout")) {
                    LOG.warnf("Answered 503: no database connection in time (%s)", sql.getMessage());
                    return unavailable(RETRY_POOL_EXHAUSTED, "All database connections are in use; try again shortly.");
                }
                if (unreachable(sql.getSQLState())) {
                    LOG.warnf("Answered 503: the database is unavailable (%s %s)", sql.getSQLState(), sql.getMessage());
                    return unavailable(RETRY_DATABASE_DOWN, "The database is unavailable; try again shortly.");
                }
            }
        }
        LOG.error("Database error", e);
        return CommonProblem.INTERNAL_ERROR.problem(null).toResponse();
    }

    /**
     * Connection exceptions (08xxx), too many connections (53300) and a server shutting down or
     * starting up (57P01-57P03), as PostgreSQL reports them.
     */
    static boolean unreachable(String state) {
        return state != null && (state.startsWith("08") || state.equals("53300") || state.matches("57P0[1-3]"));
    }

    private static Response unavailable(int retryAfter, String detail) {
        return CommonProblem.DATABASE_UNAVAILABLE
                .builder(detail)
                .withHeader("Retry-After", retryAfter)
                .build()
                .toResponse();
    }
}

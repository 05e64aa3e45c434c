package io.limber.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A request that could not reach the database is told to come back (503, Retry-After); any other
 * database failure stays a 500. The failures are thrown by a test resource as the driver or
 * Hibernate throw them: what is under test is the mapping, not PostgreSQL.
 */
@QuarkusTest
class DatabaseUnavailableTest {

    @ParameterizedTest(name = "{0} / {1}, wrapped {2}")
    @CsvSource({
        "'', Acquisition timeout while waiting for new connection, true, 1, All database connections are in use",
        "'', 'Sorry, acquisition timeout', false, 1, All database connections are in use",
        "08001, Connection refused, true, 5, The database is unavailable",
        "08006, An I/O error occurred while sending to the backend, false, 5, The database is unavailable",
        "53300, too many connections for role, true, 5, The database is unavailable",
        "57P01, terminating connection due to administrator command, false, 5, The database is unavailable",
        "57P03, the database system is starting up, true, 5, The database is unavailable",
    })
    void aDatabaseOutOfReachIs503ProblemWithRetryAfter(
            String state, String message, boolean wrapped, int retryAfter, String detail) {
        given().queryParam("state", state)
                .queryParam("message", message)
                .queryParam("wrapped", wrapped)
                .get("/test/database")
                .then()
                .statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", String.valueOf(retryAfter))
                .body("status", equalTo(503))
                .body("title", equalTo("Service Unavailable"))
                .body("detail", startsWith(detail));
    }

    @ParameterizedTest(name = "{0} / {1}, wrapped {2}")
    @CsvSource({
        "23505, duplicate key value violates unique constraint, true",
        "42P01, relation does not exist, false",
        "57P04, database dropped, true",
    })
    void anyOtherDatabaseErrorIs500ProblemWithoutRetryAfter(String state, String message, boolean wrapped) {
        given().queryParam("state", state)
                .queryParam("message", message)
                .queryParam("wrapped", wrapped)
                .get("/test/database")
                .then()
                .statusCode(500)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", nullValue())
                .body("status", equalTo(500))
                .body("title", equalTo("Internal Server Error"));
    }

    @Test
    void aPersistenceFailureWithNoSqlBehindItIs500Problem() {
        given().get("/test/database/other")
                .then()
                .statusCode(500)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", nullValue())
                .body("status", equalTo(500));
    }
}

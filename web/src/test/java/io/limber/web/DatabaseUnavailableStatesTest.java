package io.limber.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which PostgreSQL SQLSTATEs mean "the database cannot be reached now", worth a 503 and a retry. */
class DatabaseUnavailableStatesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "08000, true", // connection exception
                "08001, true", // unable to connect
                "08006, true", // connection failure
                "53300, true", // too many connections
                "57P01, true", // admin shutdown
                "57P02, true", // crash shutdown
                "57P03, true", // cannot connect now (starting up)
                "57P04, false", // database dropped: retrying will not help
                "57014, false", // query cancelled
                "53200, false", // out of memory
                "23505, false", // unique violation: the request's own fault
                "40001, false", // serialization failure
                "'', false",
                "null, false",
            })
    void unreachable(String state, boolean expected) {
        assertThat(DatabaseUnavailableProblems.unreachable(state)).isEqualTo(expected);
    }
}

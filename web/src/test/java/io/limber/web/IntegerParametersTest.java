package io.limber.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * A number parameter that is not a whole number is a 400 problem naming it, not the
 * specification's bare 404. (An empty {@code size=} is no value at all, so the parameter's
 * default, and not a case here.)
 */
@QuarkusTest
class IntegerParametersTest {

    @ParameterizedTest(name = "size={0}")
    @ValueSource(strings = {"abc", "1e9", "2147483648", "-2147483649", "1.5", "0x10"})
    void aQueryParameterThatIsNoWholeNumberIs400ProblemNamingIt(String value) {
        given().urlEncodingEnabled(true)
                .queryParam("size", value)
                .get("/test/page")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("detail", startsWith("Query parameter 'size' must be a whole number"))
                .body("detail", containsString("'" + value + "'"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/test/page/abc, Path parameter 'number'",
        "/test/page/99999999999, Path parameter 'number'",
        "/test/rest-query?limit=ten, Query parameter 'limit'",
        // The converter sees annotations only: a @RestQuery that takes its name from the Java
        // parameter cannot be named, but is still a 400.
        "/test/rest-query/unnamed?limit=ten, A parameter",
    })
    void pathAndRestQueryParametersAreNamedToo(String path, String named) {
        given().get(path)
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", startsWith(named + " must be a whole number"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/test/page?size=7, 7",
        "/test/page?size=-3, -3",
        "/test/page?size=2147483647, 2147483647",
        "/test/page?size=%207%20, 7",
        "/test/page/42, 42",
        "/test/rest-query?limit=10, 10",
    })
    void aWholeNumberIsTakenAsIs(String path, String value) {
        given().urlEncodingEnabled(false).get(path).then().statusCode(200).body(equalTo(value));
    }

    @ParameterizedTest
    @ValueSource(ints = {41, 200})
    void aVeryLongValueIsShortenedInTheDetail(int length) {
        String value = "9".repeat(length);
        given().queryParam("size", value)
                .get("/test/page")
                .then()
                .statusCode(400)
                .body("detail", containsString("'" + "9".repeat(40) + "...'"));
    }
}

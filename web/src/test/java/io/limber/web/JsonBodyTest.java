package io.limber.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * A JSON body of the wrong shape is a 400 problem naming the field: a boolean that is not true
 * or false (StrictBooleans), text holding NUL (NulFreeStrings), a list where text belongs
 * (JsonProblems).
 *
 * <p>The field is named one of two ways: JsonProblems puts it in the detail; a value Jackson
 * reports as of an invalid format (a number or "" for a boolean, NUL) reaches
 * quarkus-resteasy-problem's own mapper for that exception instead, which names it in a
 * {@code field} member. Both are accepted here; which one a case gets is not the point.
 */
@QuarkusTest
class JsonBodyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"chestPain\": \"true\"}          | chestPain | Cannot coerce String value",
                "{\"chestPain\": \"false\"}         | chestPain | Cannot coerce String value",
                "{\"chestPain\": \"\"}              | chestPain | Cannot coerce empty String",
                "{\"chestPain\": 1}                 | chestPain | Cannot coerce Integer value",
                "{\"chestPain\": 0}                 | chestPain | Cannot coerce Integer value",
                "{\"chestPain\": 0.0}               | chestPain | from Floating-point value",
                "{\"note\": [1]}                    | note      | from Array value",
                "{\"note\": {\"a\": 1}}             | note      | from Object value",
                "{\"note\": \"before\\u0000after\"} | note      | Text may not contain the NUL character (U+0000)",
                "{\"tags\": [\"ok\", \"a\\u0000\"]} | tags[1]   | Text may not contain the NUL character (U+0000)",
                "{\"tags\": \"ok\"}                 | tags      | from String value",
            })
    void aFieldOfTheWrongShapeIs400ProblemNamingIt(String body, String field, String detail) {
        JsonPath problem = given().contentType("application/json")
                .body(body)
                .post("/test/answers")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("detail", containsString(detail))
                .body("detail", not(containsString("[Source")))
                .extract()
                .jsonPath();
        assertThat(problem.getString("detail").startsWith("Field '" + field + "': ")
                        || field.equals(problem.getString("field")))
                .as("names the field %s: %s", field, problem.prettify())
                .isTrue();
    }

    @Test
    void aBodyOfTheWrongShapeAtTheTopIs400Problem() {
        given().contentType("application/json")
                .body("[]")
                .post("/test/answers")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("detail", not(containsString("[Source")));
    }

    @Test
    void aBodyOfTheRightShapeIsTakenAsSent() {
        given().contentType("application/json")
                .body("{\"note\": \"caf\u00e9 \\u00e9\\ttab\", \"chestPain\": true, \"tags\": [\"a\", \"b\"]}")
                .post("/test/answers")
                .then()
                .statusCode(200)
                .body("note", equalTo("caf\u00e9 \u00e9\ttab"))
                .body("chestPain", equalTo(true))
                .body("tags[1]", equalTo("b"));
    }
}

package io.limber.infra.test;

import java.util.List;

import io.restassured.response.Response;

/** The object-access matrices' check: each refusal is the designed status, as problem+json. */
public final class Refusals {

    private Refusals() {}

    /** Adds to {@code wrong} a line naming {@code what} unless the response is that refusal. */
    public static void expect(List<String> wrong, String what, Response response, int expected) {
        String type = String.valueOf(response.contentType());
        if (response.statusCode() != expected || !type.startsWith("application/problem+json")) {
            wrong.add(what + ": " + response.statusCode() + " " + type + ", expected " + expected + " problem+json");
        }
    }
}

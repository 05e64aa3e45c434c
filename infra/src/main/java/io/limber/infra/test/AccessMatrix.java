package io.limber.infra.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * An object-access matrix: every endpoint that reaches someone's objects, called by every kind of
 * intruder, and each refusal the designed status as problem+json. A service's test names its
 * endpoints, its intruders' tokens and how a path's placeholders become the victim's ids; this
 * class sends the calls and says what was not as designed.
 *
 * @param <F> the test's fixture: the victim's objects
 * @param <C> the kinds of caller; an {@link Endpoint}'s statuses follow the order of its constants
 */
public final class AccessMatrix<F, C extends Enum<C>> {

    /**
     * One endpoint and the status each kind of caller gets, one per constant of the caller enum in
     * its order.
     *
     * @param path below {@code /api/v1}, with placeholders the test's {@link #paths} fill in
     * @param body the JSON body, or null for none; a PATCH body is sent as a JSON merge patch
     */
    public record Endpoint<F>(String name, String method, String path, Function<F, Object> body, int... statuses) {}

    private final Class<C> callers;
    private final Map<C, String> tokens;
    private BiFunction<String, C, String> paths = (path, caller) -> path;
    private BiConsumer<RequestSpecification, String> headers = (request, path) -> {};

    /** @param tokens each caller's bearer token; a caller without one calls anonymously */
    public AccessMatrix(Class<C> callers, Map<C, String> tokens) {
        this.callers = callers;
        this.tokens = tokens;
    }

    /** How a path's placeholders become the fixture's ids, for a caller. */
    public AccessMatrix<F, C> paths(BiFunction<String, C, String> paths) {
        this.paths = paths;
        return this;
    }

    /** Headers each call carries besides the token, by its filled-in path. */
    public AccessMatrix<F, C> headers(BiConsumer<RequestSpecification, String> headers) {
        this.headers = headers;
        return this;
    }

    /** Calls every endpoint as every caller: one line for each answer that was not as designed. */
    public List<String> wrong(List<Endpoint<F>> endpoints, F fixture) {
        C[] all = callers.getEnumConstants();
        List<String> wrong = new ArrayList<>();
        for (Endpoint<F> e : endpoints) {
            if (e.statuses().length != all.length) {
                throw new IllegalArgumentException(
                        e.name() + " names " + e.statuses().length + " statuses for " + all.length + " callers");
            }
            for (C caller : all) {
                String path = paths.apply(e.path(), caller);
                RequestSpecification request = given();
                String token = tokens.get(caller);
                if (token != null) {
                    request.auth().oauth2(token);
                }
                headers.accept(request, path);
                Object body = e.body().apply(fixture);
                if (body != null) {
                    request.contentType(
                                    e.method().equals("PATCH") ? "application/merge-patch+json" : "application/json")
                            .body(body);
                }
                Response response = request.request(e.method(), "/api/v1" + path);
                expect(wrong, e.name() + " by " + caller, response, e.statuses()[caller.ordinal()]);
            }
        }
        return wrong;
    }

    private static void expect(List<String> wrong, String what, Response response, int expected) {
        String type = String.valueOf(response.contentType());
        if (response.statusCode() != expected || !type.startsWith("application/problem+json")) {
            wrong.add(what + ": " + response.statusCode() + " " + type + ", expected " + expected + " problem+json");
        }
    }
}

package io.limber.content.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.content.CatalogApi;
import io.limber.infra.test.AccessMatrix;
import io.limber.infra.test.AccessMatrix.Endpoint;
import io.limber.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that takes a draft's id, called on an editor's drafts by a member, an employer's
 * admin and an anonymous caller: refused every time (403 for a token without an editorial role,
 * 401 without a token), and the drafts untouched. Drafts belong to the editorial team, not to one
 * editor, so there is no "another editor" to refuse.
 */
@QuarkusTest
class ObjectAccessMatrixTest {

    enum Caller {
        MEMBER,
        EMPLOYER_ADMIN,
        ANONYMOUS
    }

    /** The drafts under attack, and the etags that would let a change through. */
    record Fixture(CatalogApi api, String exercise, String program, String exerciseEtag, String programEtag) {}

    static final Function<Fixture, Object> NO_BODY = f -> null;
    static final Function<Fixture, Object> EXERCISE = f -> CatalogApi.exercise(CatalogApi.slug("hijack"));
    static final Function<Fixture, Object> PROGRAM =
            f -> CatalogApi.program(CatalogApi.slug("hijack"), List.of(), List.of());
    static final Function<Fixture, Object> PATCH = f -> Map.of("name", "Hijacked");
    static final Function<Fixture, Object> COMMENT = f -> Map.of("comment", "Hijacked");

    // One line per endpoint on a draft ({exercise} or {program}); one status per Caller, in its order.
    static final List<Endpoint<Fixture>> ENDPOINTS = List.of(
            new Endpoint<>("getExerciseDraft", "GET", "/exercises/{exercise}/draft", NO_BODY, 403, 403, 401),
            new Endpoint<>("replaceExercise", "PUT", "/exercises/{exercise}", EXERCISE, 403, 403, 401),
            new Endpoint<>("patchExercise", "PATCH", "/exercises/{exercise}", PATCH, 403, 403, 401),
            new Endpoint<>("submitExercise", "POST", "/exercises/{exercise}/submit", NO_BODY, 403, 403, 401),
            new Endpoint<>("approveExercise", "POST", "/exercises/{exercise}/approve", NO_BODY, 403, 403, 401),
            new Endpoint<>("sendBackExercise", "POST", "/exercises/{exercise}/send-back", COMMENT, 403, 403, 401),
            new Endpoint<>("publishExercise", "POST", "/exercises/{exercise}/publish", NO_BODY, 403, 403, 401),
            new Endpoint<>("retireExercise", "POST", "/exercises/{exercise}/retire", NO_BODY, 403, 403, 401),
            new Endpoint<>("listExercises by state", "GET", "/exercises?status=draft", NO_BODY, 403, 403, 403),
            new Endpoint<>("getProgramDraft", "GET", "/programs/{program}/draft", NO_BODY, 403, 403, 401),
            new Endpoint<>("replaceProgram", "PUT", "/programs/{program}", PROGRAM, 403, 403, 401),
            new Endpoint<>("patchProgram", "PATCH", "/programs/{program}", PATCH, 403, 403, 401),
            new Endpoint<>("submitProgram", "POST", "/programs/{program}/submit", NO_BODY, 403, 403, 401),
            new Endpoint<>("approveProgram", "POST", "/programs/{program}/approve", NO_BODY, 403, 403, 401),
            new Endpoint<>("sendBackProgram", "POST", "/programs/{program}/send-back", COMMENT, 403, 403, 401),
            new Endpoint<>("publishProgram", "POST", "/programs/{program}/publish", NO_BODY, 403, 403, 401),
            new Endpoint<>("retireProgram", "POST", "/programs/{program}/retire", NO_BODY, 403, 403, 401),
            new Endpoint<>("listPrograms by state", "GET", "/programs?status=draft", NO_BODY, 403, 403, 403));

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyEndpointRefusesEveryOutsider() {
        Fixture f = draftsInReview();
        Map<Caller, String> tokens = Map.of(
                Caller.MEMBER,
                TestTokens.member("member-" + UUID.randomUUID(), "employer-" + UUID.randomUUID()),
                Caller.EMPLOYER_ADMIN,
                TestTokens.employerAdmin("admin-" + UUID.randomUUID(), "employer-" + UUID.randomUUID()));

        Rows rows = new Rows(dataSource);
        Map<String, Long> before = rows.snapshot();

        List<String> wrong = new AccessMatrix<Fixture, Caller>(Caller.class, tokens)
                .paths((path, caller) ->
                        path.replace("{exercise}", f.exercise()).replace("{program}", f.program()))
                // The right ETag: only the caller's rights may stop the change.
                .headers((request, path) ->
                        request.header("If-Match", path.startsWith("/programs") ? f.programEtag() : f.exerciseEtag()))
                .wrong(ENDPOINTS, f);

        assertThat(wrong).as("refusals that were not as designed").isEmpty();
        assertThat(rows.snapshot()).as("rows after every refusal").isEqualTo(before);
        assertThat(f.api().etag(CatalogApi.EXERCISES, f.exercise())).isEqualTo(f.exerciseEtag());
        assertThat(f.api().etag(CatalogApi.PROGRAMS, f.program())).isEqualTo(f.programEtag());
    }

    /** An exercise and a program submitted for review, where approve and publish are one step away. */
    private static Fixture draftsInReview() {
        CatalogApi api = new CatalogApi();
        String exercise = api.createAndPublish(CatalogApi.EXERCISES, CatalogApi.exercise(CatalogApi.slug("matrix")));
        String program = api.createId(
                CatalogApi.PROGRAMS, CatalogApi.program(CatalogApi.slug("matrix"), List.of(exercise), List.of("test")));
        api.action(CatalogApi.PROGRAMS, program, "submit", api.editor).then().statusCode(200);
        return new Fixture(
                api,
                exercise,
                program,
                api.etag(CatalogApi.EXERCISES, exercise),
                api.etag(CatalogApi.PROGRAMS, program));
    }
}

package io.limber.content.rest;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.limber.content.CatalogApi;
import io.limber.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.limber.content.CatalogApi.EXERCISES;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ExerciseWorkflowTest {

    final CatalogApi api = new CatalogApi();

    @Test
    void draftGoesThroughReviewToAPublishedRevision() {
        String slug = CatalogApi.slug("wall-angel");
        String id = api.createId(EXERCISES, CatalogApi.exercise(slug));

        // A draft is invisible to readers.
        given().get(EXERCISES + "/" + slug).then().statusCode(404).contentType("application/problem+json");

        api.action(EXERCISES, id, "submit", api.editor)
                .then()
                .statusCode(200)
                .body("state", equalTo("in-review"))
                .body("submittedBy", equalTo(api.editorId));
        api.action(EXERCISES, id, "approve", api.reviewer)
                .then()
                .statusCode(200)
                .body("state", equalTo("approved"))
                .body("approvedBy", equalTo(api.reviewerId));
        api.action(EXERCISES, id, "publish", api.editor)
                .then()
                .statusCode(200)
                .body("state", equalTo("published"))
                .body("publishedRevision", equalTo(1));

        given().get(EXERCISES + "/" + slug)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("slug", equalTo(slug))
                .body("revision", equalTo(1))
                .body("steps", contains("Slide the arms up the wall.", "Slide them back down."))
                .body("disclaimer", containsString("not medical advice"));
        given().get(EXERCISES + "/" + id).then().statusCode(200).body("slug", equalTo(slug));
    }

    @Test
    void reviewerSendsAChangeBackWithAComment() {
        String id = api.createId(EXERCISES, CatalogApi.exercise(CatalogApi.slug("send-back")));
        api.action(EXERCISES, id, "submit", api.editor).then().statusCode(200);

        given().auth()
                .oauth2(api.reviewer)
                .contentType(ContentType.JSON)
                .body(Map.of("comment", "Say which way the palm faces in step 1."))
                .post(EXERCISES + "/" + id + "/send-back")
                .then()
                .statusCode(200)
                .body("state", equalTo("draft"))
                .body("reviewComment", equalTo("Say which way the palm faces in step 1."));

        // Approval needs a change in review, and a send-back needs a comment.
        api.action(EXERCISES, id, "approve", api.reviewer).then().statusCode(409);
        api.action(EXERCISES, id, "submit", api.editor).then().statusCode(200);
        given().auth()
                .oauth2(api.reviewer)
                .contentType(ContentType.JSON)
                .body(Map.of("comment", " "))
                .post(EXERCISES + "/" + id + "/send-back")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("comment"));
    }

    @Test
    void theAuthorOfAChangeMayNotApproveIt() {
        String both = "editor-reviewer-" + UUID.randomUUID();
        String token = TestTokens.token(both, null, "content-editor", "clinical-reviewer");
        String id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(CatalogApi.exercise(CatalogApi.slug("self-approve")))
                .post(EXERCISES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        api.action(EXERCISES, id, "submit", token).then().statusCode(200);

        api.action(EXERCISES, id, "approve", token)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("may not approve"));
        api.action(EXERCISES, id, "publish", token).then().statusCode(409);

        // Someone else may.
        api.action(EXERCISES, id, "approve", api.reviewer).then().statusCode(200);
    }

    @Test
    void anEditorWhoTouchedAChangeMayNotApproveItEvenIfSomeoneElseSubmitted() {
        String both = "editor-reviewer-" + UUID.randomUUID();
        String token = TestTokens.token(both, null, "content-editor", "clinical-reviewer");
        String id = api.createId(EXERCISES, CatalogApi.exercise(CatalogApi.slug("co-edited")));
        var body = CatalogApi.exercise(CatalogApi.slug("co-edited"));
        given().auth()
                .oauth2(token)
                .header("If-Match", api.etag(EXERCISES, id))
                .contentType("application/merge-patch+json")
                .body(Map.of("summary", "Changed by the second editor."))
                .patch(EXERCISES + "/" + id)
                .then()
                .statusCode(200);
        api.action(EXERCISES, id, "submit", api.editor).then().statusCode(200);
        api.action(EXERCISES, id, "approve", token).then().statusCode(403);
    }

    @Test
    void rolesDecideWhoMayDoWhat() {
        String id = api.createId(EXERCISES, CatalogApi.exercise(CatalogApi.slug("roles")));
        String member = TestTokens.member("member-" + UUID.randomUUID(), "employer-1");
        var body = CatalogApi.exercise(CatalogApi.slug("roles"));

        given().contentType(ContentType.JSON).body(body).post(EXERCISES).then().statusCode(401);
        given().auth()
                .oauth2(member)
                .contentType(ContentType.JSON)
                .body(body)
                .post(EXERCISES)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(api.reviewer)
                .contentType(ContentType.JSON)
                .body(body)
                .post(EXERCISES)
                .then()
                .statusCode(403);

        // Working copies are for editors and reviewers only.
        given().get(EXERCISES + "/" + id + "/draft").then().statusCode(401);
        given().auth()
                .oauth2(member)
                .get(EXERCISES + "/" + id + "/draft")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(api.reviewer)
                .get(EXERCISES + "/" + id + "/draft")
                .then()
                .statusCode(200);
        given().auth().oauth2(member).get(EXERCISES + "?status=draft").then().statusCode(403);
        given().get(EXERCISES + "?status=draft").then().statusCode(403);

        api.action(EXERCISES, id, "submit", api.reviewer).then().statusCode(403);
        api.action(EXERCISES, id, "submit", member).then().statusCode(403);
        api.action(EXERCISES, id, "submit", api.editor).then().statusCode(200);
        api.action(EXERCISES, id, "approve", api.editor).then().statusCode(403);
        api.action(EXERCISES, id, "approve", member).then().statusCode(403);
        api.action(EXERCISES, id, "approve", api.reviewer).then().statusCode(200);
        api.action(EXERCISES, id, "publish", member).then().statusCode(403);
        given().post(EXERCISES + "/" + id + "/publish").then().statusCode(401);
        api.action(EXERCISES, id, "publish", api.reviewer).then().statusCode(200);
        api.action(EXERCISES, id, "retire", member).then().statusCode(403);

        // Everyone reads published content, members and anonymous callers included.
        given().get(EXERCISES + "/" + id).then().statusCode(200);
        given().auth().oauth2(member).get(EXERCISES + "/" + id).then().statusCode(200);
    }

    @Test
    void missingOrRejectedTokensAre401Problems() {
        String expired = TestTokens.minter()
                .token(
                        "editor-" + UUID.randomUUID(),
                        null,
                        java.util.List.of("content-editor"),
                        java.time.Duration.ofMinutes(-10));
        given().auth()
                .oauth2(expired)
                .contentType(ContentType.JSON)
                .body(CatalogApi.exercise(CatalogApi.slug("expired")))
                .post(EXERCISES)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().contentType(ContentType.JSON)
                .body(CatalogApi.exercise(CatalogApi.slug("anonymous")))
                .post(EXERCISES)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void editorsListWorkingCopiesByState() {
        String slug = CatalogApi.slug("listed-draft");
        String id = api.createId(EXERCISES, CatalogApi.exercise(slug));
        given().auth()
                .oauth2(api.editor)
                .get(EXERCISES + "?status=draft&q=" + slug)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("private"))
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].state", equalTo("draft"));
        given().get(EXERCISES + "?q=" + slug).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void republishingCreatesANewRevisionAndKeepsThePastOneReadable() {
        String slug = CatalogApi.slug("republish");
        var body = CatalogApi.exercise(slug);
        String id = api.createAndPublish(EXERCISES, body);

        body.put("summary", "Second wording of the summary.");
        api.replace(EXERCISES, id, body).then().statusCode(200).body("state", equalTo("draft"));
        // While the change is a draft, readers still see revision 1.
        given().get(EXERCISES + "/" + slug).then().statusCode(200).body("revision", equalTo(1));
        api.publish(EXERCISES, id);

        given().get(EXERCISES + "/" + slug)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("summary", equalTo("Second wording of the summary."));
        given().get(EXERCISES + "/" + slug + "/revisions/1")
                .then()
                .statusCode(200)
                .body("revision", equalTo(1))
                .body("summary", equalTo(CatalogApi.exercise(slug).get("summary")));
        given().get(EXERCISES + "/" + slug + "/revisions")
                .then()
                .statusCode(200)
                .body("revision", contains(1, 2))
                .body("approvedBy", contains(api.reviewerId, api.reviewerId));
        given().get(EXERCISES + "/" + slug + "/revisions/3").then().statusCode(404);
    }

    @Test
    void retiringHidesTheExerciseButKeepsItsHistory() {
        String slug = CatalogApi.slug("retire");
        String id = api.createAndPublish(EXERCISES, CatalogApi.exercise(slug));

        api.action(EXERCISES, id, "retire", api.editor)
                .then()
                .statusCode(200)
                .body("state", equalTo("retired"))
                .body("retired", equalTo(true));

        given().get(EXERCISES + "/" + slug).then().statusCode(410).contentType("application/problem+json");
        given().get(EXERCISES + "?q=" + slug).then().statusCode(200).body("items", emptyIterable());
        given().get(EXERCISES + "/" + slug + "/revisions/1")
                .then()
                .statusCode(200)
                .body("retired", equalTo(true))
                .body("programs", nullValue());
        api.action(EXERCISES, id, "retire", api.editor).then().statusCode(409);
    }

    @Test
    void aChangeInReviewCannotBeEdited() {
        var body = CatalogApi.exercise(CatalogApi.slug("frozen"));
        String id = api.createId(EXERCISES, body);
        api.action(EXERCISES, id, "submit", api.editor).then().statusCode(200);
        body.put("summary", "Sneaked in during review.");
        api.replace(EXERCISES, id, body).then().statusCode(409).contentType("application/problem+json");
    }
}

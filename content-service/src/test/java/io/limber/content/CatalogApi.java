package io.limber.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.limber.infra.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;

/** Drives the catalog through its HTTP API the way the portal and the editors' tool do. */
public final class CatalogApi {

    public static final String EXERCISES = "/api/v1/exercises";
    public static final String PROGRAMS = "/api/v1/programs";

    public final String editorId = "editor-" + UUID.randomUUID();
    public final String reviewerId = "reviewer-" + UUID.randomUUID();
    public final String editor = TestTokens.editor(editorId);
    public final String reviewer = TestTokens.reviewer(reviewerId);

    /** A valid exercise, unique by slug, that callers adjust before sending. */
    public static Map<String, Object> exercise(String slug) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("slug", slug);
        e.put("name", "Wall angel " + slug);
        e.put("kind", "mobility");
        e.put("summary", "Slides the arms up a wall to open the chest and wake up the shoulder blades.");
        e.put("regions", new ArrayList<>(List.of("shoulders", "upper-back")));
        e.put("muscles", List.of("lower trapezius"));
        e.put("equipment", new ArrayList<>(List.of("wall")));
        e.put("position", "standing");
        e.put("laterality", "bilateral");
        e.put("startPosition", "Stand with your back against a wall, arms in a goal-post shape.");
        e.put("steps", new ArrayList<>(List.of("Slide the arms up the wall.", "Slide them back down.")));
        e.put("mayFeel", List.of("Work between the shoulder blades"));
        e.put("safetyNotes", List.of("Keep the lower back against the wall."));
        e.put("defaultDosage", Map.of("sets", 2, "reps", 8, "holdSeconds", 2));
        e.put(
                "dosageBounds",
                Map.of(
                        "min", Map.of("sets", 1, "reps", 4, "holdSeconds", 1),
                        "max", Map.of("sets", 3, "reps", 12, "holdSeconds", 5)));
        e.put("author", Map.of("name", "Test Therapist", "credentials", "PT, DPT"));
        e.put("tags", new ArrayList<>(List.of("test")));
        return e;
    }

    public static Map<String, Object> program(String slug, List<String> exerciseIds, List<String> tags) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("slug", slug);
        p.put("name", "Program " + slug);
        p.put("purpose", "A short test program.");
        p.put(
                "items",
                exerciseIds.stream()
                        .map(id -> Map.of("exerciseId", id, "dosage", Map.of("sets", 1, "reps", 5)))
                        .toList());
        p.put("estimatedMinutes", 5);
        p.put("tags", tags);
        return p;
    }

    public static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Response create(String base, Map<String, Object> body) {
        return given().auth()
                .oauth2(editor)
                .contentType(ContentType.JSON)
                .body(body)
                .post(base);
    }

    public String createId(String base, Map<String, Object> body) {
        return create(base, body).then().statusCode(201).extract().path("id");
    }

    public String etag(String base, String id) {
        return given().auth()
                .oauth2(editor)
                .get(base + "/" + id + "/draft")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    public Response action(String base, String id, String action, String token) {
        return given().auth().oauth2(token).post(base + "/" + id + "/" + action);
    }

    /** Submit, approve by another person, publish: the whole review. */
    public void publish(String base, String id) {
        action(base, id, "submit", editor).then().statusCode(200);
        action(base, id, "approve", reviewer).then().statusCode(200);
        action(base, id, "publish", reviewer).then().statusCode(200);
    }

    public String createAndPublish(String base, Map<String, Object> body) {
        String id = createId(base, body);
        publish(base, id);
        return id;
    }

    public Response replace(String base, String id, Map<String, Object> body) {
        return given().auth()
                .oauth2(editor)
                .header("If-Match", etag(base, id))
                .contentType(ContentType.JSON)
                .body(body)
                .put(base + "/" + id);
    }
}

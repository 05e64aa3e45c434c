package io.limber.content.security;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.limber.content.CatalogApi;
import io.limber.infra.test.HostileInput;
import io.limber.infra.test.LimitsTestBase;
import io.limber.infra.test.RawHttp;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oversized (in LimitsTestBase, on an editor's new exercise), deep, wrong-typed, out-of-range and
 * hostile input: a 4xx problem, never a 5xx, never a stray row.
 */
@QuarkusTest
class LimitsTest extends LimitsTestBase {

    static final String EXERCISES = "api/v1/exercises";

    CatalogApi api;
    Rows rows;

    @BeforeEach
    void setUp() {
        api = new CatalogApi();
        rows = new Rows(dataSource);
    }

    @Override
    protected Write write() {
        return new Write("POST", EXERCISES, api.editor, 201, "summary");
    }

    @Override
    protected Map<String, Object> validBody() {
        return CatalogApi.exercise(CatalogApi.slug("limits"));
    }

    /** Each test has an editor of its own (a fresh CatalogApi). */
    @Override
    protected long storedWrites() {
        return rows.one("SELECT count(*) FROM catalog_entry WHERE created_by = ?", api.editorId);
    }

    @Override
    protected Map<String, Long> snapshot() {
        return rows.snapshot();
    }

    @Test
    void aPageSizeOverTheMaximumIs400Problem() {
        List<String> wrong = new ArrayList<>();
        for (String list : List.of(EXERCISES, "api/v1/programs", EXERCISES + "?status=draft&x=1")) {
            for (String query : List.of("size=101", "size=100000", "size=0", "size=-1", "page=-1")) {
                String path = list + (list.contains("?") ? "&" : "?") + query;
                HttpResponse<String> response = http.send("GET", path, api.editor, null, false);
                expect400Problem(wrong, path, response);
            }
        }
        assertThat(wrong).as("paging answers other than 400 problem+json").isEmpty();
        assertThat(http.send("GET", EXERCISES + "?size=100", null, null, false).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aNonNumericPageSizeIs400Problem() {
        assertEachIs400NamingItsParameter(EXERCISES, null, List.of("size=abc", "page=1e9"));
    }

    @Test
    void tenThousandLevelsOfNestingAre400Problem() throws Exception {
        String id = api.createId(CatalogApi.EXERCISES, CatalogApi.exercise(CatalogApi.slug("nested")));
        String etag = api.etag(CatalogApi.EXERCISES, id);
        Map<String, Long> before = rows.snapshot();
        String valid = mapper.writeValueAsString(CatalogApi.exercise(CatalogApi.slug("nested")));
        List<String> bodies = HostileInput.tenThousandLevelsDeep(valid);
        List<String> wrong = new ArrayList<>();
        for (String body : bodies) {
            HttpResponse<String> created = http.post(EXERCISES, api.editor, body);
            expect400Problem(wrong, "create " + body.substring(0, 30) + "...", created);
        }
        // A merge patch is read as a tree, not a record: the depth limit must hold there too.
        for (String patch :
                List.of("{\"name\":" + HostileInput.nestedObjects(10_000) + "}", HostileInput.nestedObjects(10_000))) {
            HttpResponse<String> patched = http.send(
                    "PATCH", EXERCISES + "/" + id, api.editor, patch.getBytes(StandardCharsets.UTF_8), false, etag);
            expect400Problem(wrong, "patch " + patch.substring(0, 30) + "...", patched);
        }
        assertThat(wrong).isEmpty();
        assertThat(rows.snapshot()).isEqualTo(before);
    }

    @Test
    void wrongTypedJsonIs400Problem() throws Exception {
        String valid = mapper.writeValueAsString(CatalogApi.exercise(CatalogApi.slug("typed")));
        List<String> wrong = new ArrayList<>();
        for (String body : List.of(
                valid.replaceFirst("\"kind\":\"mobility\"", "\"kind\":[1]"), "[]", HostileInput.nestedArrays(10_000))) {
            HttpResponse<String> response = http.post(EXERCISES, api.editor, body);
            expect400Problem(wrong, body.substring(0, Math.min(body.length(), 60)), response);
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Hostile text in the text fields of an exercise, the search and filter parameters, the id or
     * slug in the path and Accept-Language: stored as sent or refused with a 4xx, never a 5xx, and
     * only the exercises answered 201 are added.
     */
    @Test
    void hostileTextNeverGivesA5xxNorAStrayRow() throws Exception {
        Map<String, Long> before = rows.snapshot();
        List<String> wrong = new ArrayList<>();
        int created = 0;
        for (String s : HostileInput.STRINGS) {
            if (s.indexOf('\u0000') >= 0) {
                continue; // aNulCharacterInANameIs400Problem
            }
            for (String field : List.of("name", "summary", "steps", "slug", "tags")) {
                Map<String, Object> body = CatalogApi.exercise(CatalogApi.slug("hostile"));
                body.put(field, field.equals("steps") || field.equals("tags") ? List.of(s) : s);
                HttpResponse<String> response = http.post(EXERCISES, api.editor, RawHttp.JSON.writeValueAsString(body));
                if (response.statusCode() == 201) {
                    created++;
                    var node = mapper.readTree(response.body()).path("content").path(field);
                    String stored = node.isArray() ? node.path(0).asText() : node.asText();
                    if (!s.equals(stored)) {
                        wrong.add(field + " " + printable(s) + " came back as " + printable(stored));
                    }
                } else if (response.statusCode() != 400) {
                    wrong.add(field + " " + printable(s) + " -> " + response.statusCode());
                }
            }
            String q = URLEncoder.encode(s, StandardCharsets.UTF_8);
            for (String path : List.of(
                    EXERCISES + "?q=" + q,
                    EXERCISES + "?tag=" + q,
                    EXERCISES + "?region=" + q,
                    EXERCISES + "?status=" + q,
                    "api/v1/programs?q=" + q,
                    EXERCISES + "/" + q.replace("+", "%20"),
                    EXERCISES + "/" + q.replace("+", "%20") + "/revisions",
                    EXERCISES + "/" + q.replace("+", "%20") + "/draft")) {
                HttpResponse<String> response = http.send("GET", path, api.editor, null, false);
                if (response.statusCode() >= 500) {
                    wrong.add("GET " + path + " -> " + response.statusCode());
                }
            }
        }
        assertThat(wrong).as("hostile text handled wrongly").isEmpty();
        Map<String, Long> after = rows.snapshot();
        assertThat(after.get("catalog_entry") - before.get("catalog_entry")).isEqualTo(created);
        assertThat(after.get("catalog_revision")).isEqualTo(before.get("catalog_revision"));
    }

    @Test
    void aNulCharacterInANameIs400Problem() throws Exception {
        Map<String, Object> body = CatalogApi.exercise(CatalogApi.slug("nul"));
        body.put("name", "before\u0000after");
        HttpResponse<String> response = http.post(EXERCISES, api.editor, RawHttp.JSON.writeValueAsString(body));
        assertThat(RawHttp.isProblem(response, 400))
                .as(response.statusCode() + " " + response.body())
                .isTrue();
    }
}

package io.limber.infra.test;

import java.util.List;

/** Text a caller may send in any string field, query parameter or header: none of it may give a 5xx. */
public final class HostileInput {

    private HostileInput() {}

    public static final List<String> STRINGS = List.of(
            // One per service's main table, so each service's test names one of its own.
            "'; DROP TABLE catalog_entry; --",
            "'; DROP TABLE exercise_session; --",
            "'; DROP TABLE prompt; --",
            "' OR '1'='1",
            "\" OR \"\"=\"",
            "%' OR 1=1 --",
            "\\'; SELECT pg_sleep(5); --",
            "<script>alert(1)</script>",
            "{{7*7}}${7*7}#{7*7}",
            "../../../../etc/passwd",
            "%00%0d%0aSet-Cookie: x=y",
            // PostgreSQL text cannot hold NUL: a service must refuse it rather than fail on insert.
            "before\u0000after",
            // A lone surrogate: not encodable as UTF-8.
            "half \uD800 a pair",
            "\u202Eevil\u202C right-to-left override",
            "e\u0301\u0301\u0301\u0301 combining marks, \uD83D\uDE00 emoji, \u4E2D\u6587, \u0627\u0644\u0639\u0631\u0628\u064A\u0629",
            "\uFEFFbyte order mark and zero\u200Bwidth",
            "line\r\nbreak\ttab\u0007bell\u001Bescape");

    /**
     * Ten thousand levels of nesting three ways: in an extra field of a body the service would
     * take, as arrays and as objects, and as the whole body.
     */
    public static List<String> tenThousandLevelsDeep(String validJson) {
        return List.of(
                validJson.replaceFirst("\\{", "{\"extra\":" + nestedArrays(10_000) + ","),
                validJson.replaceFirst("\\{", "{\"extra\":" + nestedObjects(10_000) + ","),
                nestedObjects(10_000));
    }

    /** {@code depth} nested arrays: deeper than any JSON parser should follow. */
    public static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    public static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }
}

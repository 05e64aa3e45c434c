package io.limber.infra.test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generated hostile requests for every operation of a running service's OpenAPI document: each
 * path, query and header parameter and each body property in turn gets wrong-typed, out-of-range,
 * oversized, unicode and injection values inside an otherwise valid-looking request, and each body
 * is also sent malformed, deeply nested, oversized, empty and with the wrong media type.
 *
 * <p>A case is <em>invalid</em> when the document itself says the request breaks the contract (a
 * value out of its range, against its pattern or enum, of the wrong JSON type, a required part
 * missing): the service must refuse it and write nothing. Other cases (hostile text in a free-text
 * field, the baseline itself) may be stored; only a refusal of one must have written nothing.
 *
 * <p>Every answer must be below 500, every 4xx an RFC 9457 problem with its status, a title and
 * a type that the problem registry ({@link ProblemRegistry}) lists with that status, and every status one the document declares for the operation (401, 403 always; 404 and 405 for a
 * mangled path parameter; 413 for an oversized body; 415 for the wrong media type). The database
 * is compared before and after each request. Selection is deterministic: the same seed and
 * document give the same cases, named {@code operationId#n} in every failure; the system
 * properties {@code limber.fuzz.seed} and {@code limber.fuzz.case} (comma-separated ids or
 * operation ids) replay one.
 */
public final class OpenApiFuzzer {

    public static final long DEFAULT_SEED = 20261126L;

    private static final Map<String, Integer> PROBLEM_TYPES = ProblemRegistry.documented();

    /** How many values each parameter or body property gets, drawn from everything that applies. */
    private static final int PER_PARAMETER = 6;

    private static final int PER_PROPERTY = 3;

    /** A long parameter, still well inside the 4,096 characters of a request line the server reads. */
    private static final int PARAMETER_LENGTH = 2_000;

    /** Body properties this deep in the schema are mutated; deeper ones keep their baseline. */
    private static final int MAX_DEPTH = 3;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String RAW = "\u0001raw:";
    /** Sent as ISO-8859-1: bytes 0xff 0xfe, which no UTF-8 text contains. */
    private static final String INVALID_UTF8 = "{\"a\":\"\u00ff\u00fe\"}";

    // HTTP/1.1: an h2c upgrade ends in GOAWAY when the server refuses the request before reading it.
    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Replaced after a bare answer from the HTTP codec: see {@link #send}. */
    private HttpClient client = newClient();

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** Beyond {@link HostileInput#STRINGS}: more encodings, more injections, more odd code points. */
    private static final List<String> MORE_HOSTILE = List.of(
            "{\"$gt\":\"\"}",
            "\",\"admin\":true,\"x\":\"",
            "x\r\nX-Injected: yes",
            "..%2f..%2f..%2fetc%2fpasswd",
            "..\\..\\..\\windows\\win.ini",
            "${jndi:ldap://127.0.0.1/a}",
            "1; SELECT 1",
            "\u0001\u001f\u007f\u0085\u2028\u2029",
            "\uD835\uDD73\uD835\uDD8A\uD835\uDD91 astral letters",
            "\uFFFF\uFFFE non-characters",
            "\u05D0\u05D1\u05D2 right-to-left \u0645\u0631\u062D\u0628\u0627",
            "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A\u035B\u035C\u035D\u035E\u035F\u0360",
            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66".repeat(500),
            "\u0000",
            " ",
            "");

    /** One operation of the document, with the roles its security requirement names. */
    public record Operation(
            String id,
            String method,
            String path,
            List<String> roles,
            List<Param> params,
            Body body,
            Set<String> declared) {}

    public record Param(String name, String in, boolean required, JsonNode schema) {}

    public record Body(String contentType, boolean required, JsonNode schema) {}

    /** What was mutated, and how the answer is judged. */
    public enum Kind {
        BASELINE,
        PATH,
        QUERY,
        /** An integer query parameter that cannot be converted. */
        QUERY_INTEGER,
        HEADER,
        BODY,
        OVERSIZED,
        OVERSIZED_CHUNKED,
        MEDIA_TYPE,
        /** A request line longer than the HTTP server reads. */
        LINE_TOO_LONG
    }

    /** A generated value: JSON, or {@code raw} JSON text spliced in as written. */
    record Value(String label, JsonNode json, String raw, boolean invalid) {

        static Value of(String label, Object json, boolean invalid) {
            return new Value(label, json == null ? NODES.nullNode() : JSON_NODE.apply(json), null, invalid);
        }

        static Value raw(String label, String raw, boolean invalid) {
            return new Value(label, null, raw, invalid);
        }

        static final Value MISSING = new Value("missing", null, null, true);

        boolean missing() {
            return json == null && raw == null;
        }

        String text() {
            return raw != null ? raw : json.isTextual() ? json.asText() : json.toString();
        }
    }

    private static final Function<Object, JsonNode> JSON_NODE = RawHttp.JSON::valueToTree;

    /** One request to make: the baseline with one thing changed. */
    public record Case(
            String id,
            Operation op,
            Kind kind,
            String target,
            String param,
            List<Object> bodyPath,
            Value value,
            String wholeBody,
            String contentType) {

        boolean invalid() {
            return value != null && value.invalid();
        }

        String describe() {
            return id + " " + op.method().toUpperCase(Locale.ROOT) + " " + op.path() + " " + target + " = "
                    + (value == null ? "" : shorten(printable(value.label()), 60))
                    + (invalid() ? " (invalid)" : " (may be valid)");
        }
    }

    public record Report(
            long seed,
            int requests,
            Duration took,
            List<String> failures,
            List<String> tolerated,
            Map<Integer, Integer> statuses) {

        @Override
        public String toString() {
            return "seed " + seed + ": " + requests + " requests in " + took.toMillis() + " ms, statuses " + statuses
                    + ", " + tolerated.size() + " known answers tolerated, " + failures.size() + " failures";
        }
    }

    private final String base;
    private final JsonNode document;
    private final long seed;
    private final Map<String, Function<Operation, Object>> values = new LinkedHashMap<>();
    private final Map<String, Function<Operation, Object>> bodies = new LinkedHashMap<>();
    private Function<Operation, String> tokens = op -> null;
    private Supplier<Map<String, String>> rows = Map::of;
    private int maxBodyBytes = 1024 * 1024;

    private OpenApiFuzzer(String base, JsonNode document, long seed) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.document = document;
        this.seed = seed;
    }

    /** Reads the document the service at {@code base} serves. */
    public static OpenApiFuzzer of(String base) {
        HttpResponse<String> response = new RawHttp(base).send("GET", "q/openapi?format=json", null, null, false);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /q/openapi answered " + response.statusCode());
        }
        try {
            return new OpenApiFuzzer(
                    base, RawHttp.JSON.readTree(response.body()), Long.getLong("limber.fuzz.seed", DEFAULT_SEED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bearer token for an operation (its {@link Operation#roles()} name the roles it needs). */
    public OpenApiFuzzer tokens(Function<Operation, String> tokens) {
        this.tokens = tokens;
        return this;
    }

    /** A valid value for every parameter or body property of this name, asked for afresh per request. */
    public OpenApiFuzzer value(String name, Function<Operation, Object> value) {
        values.put(name, value);
        return this;
    }

    public OpenApiFuzzer value(String name, Object value) {
        return value(name, op -> value);
    }

    /** The baseline body of one operation, for a body the document does not describe (a merge patch). */
    public OpenApiFuzzer body(String operationId, Function<Operation, Object> body) {
        bodies.put(operationId, body);
        return this;
    }

    /** What must not change when a request is refused: see {@link DbSnapshot}. */
    public OpenApiFuzzer rows(Supplier<Map<String, String>> rows) {
        this.rows = rows;
        return this;
    }

    /** The service's body limit: an oversized body is twice this. */
    public OpenApiFuzzer maxBodyBytes(int bytes) {
        this.maxBodyBytes = bytes;
        return this;
    }

    // ---------------------------------------------------------------- the document

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ops.next();
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode op = entry.getValue();
                List<Param> params = new ArrayList<>();
                List<JsonNode> declaredParams = new ArrayList<>(shared);
                op.path("parameters").forEach(declaredParams::add);
                for (JsonNode p : declaredParams) {
                    p = resolve(p);
                    params.add(new Param(
                            p.path("name").asText(),
                            p.path("in").asText(),
                            p.path("required").asBoolean(false),
                            resolve(p.path("schema"))));
                }
                Body body = null;
                JsonNode requestBody = resolve(op.path("requestBody"));
                if (requestBody.has("content")) {
                    Map.Entry<String, JsonNode> media =
                            requestBody.path("content").fields().next();
                    body = new Body(
                            media.getKey(),
                            requestBody.path("required").asBoolean(false),
                            resolve(media.getValue().path("schema")));
                }
                List<String> roles = new ArrayList<>();
                op.path("security")
                        .forEach(requirement -> requirement
                                .fields()
                                .forEachRemaining(
                                        scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
                Set<String> declared = new java.util.TreeSet<>();
                op.path("responses").fieldNames().forEachRemaining(declared::add);
                String id = op.path("operationId").asText(entry.getKey() + " " + path.getKey());
                operations.add(new Operation(
                        id,
                        entry.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        List.copyOf(roles),
                        List.copyOf(params),
                        body,
                        Collections.unmodifiableSet(declared)));
            }
        }
        return operations;
    }

    private JsonNode resolve(JsonNode node) {
        for (int hops = 0; node != null && node.has("$ref") && hops < 20; hops++) {
            String ref = node.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local $refs are supported: " + ref);
            }
            node = document.at(ref.substring(1));
        }
        return node == null || node.isMissingNode() ? NODES.objectNode() : node;
    }

    // ---------------------------------------------------------------- generating cases

    public List<Case> cases() {
        List<Case> all = new ArrayList<>();
        for (Operation op : operations()) {
            List<Case> cases = new ArrayList<>();
            cases.add(new Case(null, op, Kind.BASELINE, "baseline", null, null, null, null, null));
            for (Param p : op.params()) {
                Kind kind = switch (p.in()) {
                    case "path" -> Kind.PATH;
                    case "header" -> Kind.HEADER;
                    default -> Kind.QUERY;
                };
                for (Value v : pick(op.id() + " " + p.name(), paramValues(p), PER_PARAMETER)) {
                    Kind k = kind == Kind.QUERY && isInteger(p.schema()) && !v.missing() && !isInt(v.text())
                            ? Kind.QUERY_INTEGER
                            : kind;
                    cases.add(new Case(null, op, k, p.in() + " " + p.name(), p.name(), null, v, null, null));
                }
            }
            // An unknown query parameter must be ignored or refused, whatever it holds.
            for (Value v : pick(op.id() + " extra", hostile(NODES.objectNode(), PARAMETER_LENGTH), 2)) {
                cases.add(new Case(null, op, Kind.QUERY, "query fuzz", "fuzz", null, v, null, null));
            }
            cases.add(new Case(
                    null,
                    op,
                    Kind.LINE_TOO_LONG,
                    "query fuzz",
                    "fuzz",
                    null,
                    Value.of("16,384 characters", "x".repeat(16_384), false),
                    null,
                    null));
            if (op.body() != null) {
                bodyCases(op, cases);
            }
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                all.add(new Case(
                        op.id() + "#" + i,
                        c.op(),
                        c.kind(),
                        c.target(),
                        c.param(),
                        c.bodyPath(),
                        c.value(),
                        c.wholeBody(),
                        c.contentType()));
            }
        }
        String only = System.getProperty("limber.fuzz.case", "");
        if (!only.isBlank()) {
            Set<String> wanted = Set.of(only.split(","));
            all.removeIf(c -> !wanted.contains(c.id()) && !wanted.contains(c.op().id()));
        }
        return all;
    }

    private void bodyCases(Operation op, List<Case> cases) {
        Body body = op.body();
        String json = body.contentType();
        List<Value> whole = new ArrayList<>();
        whole.add(Value.raw("no body", "", true));
        whole.add(Value.raw("malformed {\"a\":", "{\"a\":", true));
        whole.add(Value.raw("[]", "[]", true));
        whole.add(Value.raw("\"a string\"", "\"text\"", true));
        whole.add(Value.raw("null", "null", true));
        whole.add(Value.raw("10,000 nested arrays", HostileInput.nestedArrays(10_000), true));
        whole.add(Value.raw("10,000 nested objects", HostileInput.nestedObjects(10_000), true));
        whole.add(Value.raw("invalid UTF-8", INVALID_UTF8, true));
        boolean anyRequired = resolve(body.schema()).path("required").size() > 0;
        whole.add(Value.raw("{}", "{}", anyRequired));
        for (Value v : whole) {
            cases.add(new Case(null, op, Kind.BODY, "body", null, List.of(), v, v.raw(), json));
        }
        String big = "{\"a\":\"" + "x".repeat(2 * maxBodyBytes) + "\"}";
        cases.add(new Case(
                null,
                op,
                Kind.OVERSIZED,
                "body",
                null,
                List.of(),
                Value.raw("2x the body limit", big, true),
                big,
                json));
        cases.add(new Case(
                null,
                op,
                Kind.OVERSIZED_CHUNKED,
                "body",
                null,
                List.of(),
                Value.raw("2x the body limit, chunked", big, true),
                big,
                json));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            cases.add(new Case(
                    null,
                    op,
                    Kind.MEDIA_TYPE,
                    "Content-Type",
                    null,
                    List.of(),
                    Value.raw(type, null, true),
                    null,
                    type));
        }
        List<Object> at = new ArrayList<>();
        propertyCases(op, resolve(body.schema()), at, 0, cases);
        if (bodies.containsKey(op.id())) {
            // A body the document leaves undescribed: hostile values for the keys of its baseline.
            JsonNode sample = JSON_NODE.apply(bodies.get(op.id()).apply(op));
            sample.fieldNames().forEachRemaining(name -> {
                for (Value v : pick(op.id() + " body " + name, hostile(NODES.objectNode()), PER_PROPERTY)) {
                    cases.add(new Case(null, op, Kind.BODY, "body." + name, null, List.of(name), v, null, json));
                }
            });
        }
    }

    private void propertyCases(Operation op, JsonNode schema, List<Object> at, int depth, List<Case> cases) {
        if (depth >= MAX_DEPTH || bodies.containsKey(op.id())) {
            return;
        }
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> props =
                        schema.path("properties").fields();
                props.hasNext(); ) {
            Map.Entry<String, JsonNode> prop = props.next();
            JsonNode s = resolve(prop.getValue());
            if (s.path("readOnly").asBoolean(false)) {
                continue;
            }
            List<Object> path = new ArrayList<>(at);
            path.add(prop.getKey());
            String target = "body" + pathText(path);
            for (Value v :
                    pick(op.id() + " " + target, bodyValues(s, required.contains(prop.getKey())), PER_PROPERTY)) {
                cases.add(new Case(
                        null,
                        op,
                        Kind.BODY,
                        target,
                        null,
                        List.copyOf(path),
                        v,
                        null,
                        op.body().contentType()));
            }
            if ("object".equals(type(s))) {
                propertyCases(op, s, path, depth + 1, cases);
            } else if ("array".equals(type(s)) && "object".equals(type(resolve(s.path("items"))))) {
                path.add(0);
                propertyCases(op, resolve(s.path("items")), path, depth + 1, cases);
            }
        }
    }

    private List<Value> pick(String target, List<Value> candidates, int count) {
        List<Value> invalid = new ArrayList<>();
        List<Value> other = new ArrayList<>();
        for (Value v : candidates) {
            (v.invalid() ? invalid : other).add(v);
        }
        Random random = new Random(seed * 31 + target.hashCode());
        Collections.shuffle(invalid, random);
        Collections.shuffle(other, random);
        // Half the picks break the contract for certain, the rest are hostile values it may allow;
        // when one kind runs short the other fills in.
        int fromInvalid = Math.min(invalid.size(), Math.max((count + 1) / 2, count - other.size()));
        List<Value> picked = new ArrayList<>(invalid.subList(0, fromInvalid));
        picked.addAll(other.subList(0, Math.min(other.size(), count - fromInvalid)));
        return picked;
    }

    // ---------------------------------------------------------------- values

    private List<Value> paramValues(Param p) {
        JsonNode s = p.schema();
        List<Value> values = new ArrayList<>();
        if (p.required() && !p.in().equals("path")) {
            values.add(Value.MISSING);
        }
        String type = type(s);
        if (type.equals("integer") || type.equals("number")) {
            values.add(Value.of("abc", "abc", true));
            values.add(Value.of("1.5", "1.5", type.equals("integer")));
            values.add(Value.of("1e3", "1e3", type.equals("integer")));
            values.add(Value.of("0x10", "0x10", true));
            values.add(Value.of("empty", "", false));
            // Integer.parseInt reads any Unicode digit: a service must cope either way.
            values.add(Value.of("fullwidth 1", "\uFF11", false));
            for (Value v : numbers(s)) {
                values.add(Value.of(v.label(), v.text(), v.invalid()));
            }
        } else if (type.equals("boolean")) {
            values.add(Value.of("yes", "yes", true));
        } else {
            values.addAll(hostile(s, PARAMETER_LENGTH));
            values.addAll(stringConstraints(s));
            if (p.in().equals("path")) {
                // An empty segment routes to another resource (the list instead of the item): not a mistake of the
                // service.
                values.replaceAll(v -> v.text().isEmpty() ? Value.of("empty", "", false) : v);
            }
            values.add(Value.of("'..' segment", "..", !valid(s, "..")));
            values.add(Value.of("encoded slashes", "a/b", !valid(s, "a/b")));
        }
        if (p.in().equals("header")) {
            // An empty field is commonly read as an absent one, whatever minLength says.
            values.replaceAll(v -> !v.missing() && v.text().isEmpty() ? Value.of("empty", "", false) : v);
            values.add(Value.of("8,000 characters", "x".repeat(8_000), !valid(s, "x".repeat(8_000))));
            values.add(Value.of("CRLF injection", "x\r\nX-Injected: yes", !valid(s, "x\r\nX-Injected: yes")));
        }
        return values;
    }

    private List<Value> bodyValues(JsonNode s, boolean required) {
        List<Value> values = new ArrayList<>();
        if (required) {
            values.add(Value.MISSING);
        }
        values.add(Value.of("null", null, required));
        String type = type(s);
        switch (type) {
            case "integer", "number" -> {
                values.add(Value.of("\"abc\"", "abc", true));
                values.add(Value.of("{}", Map.of(), true));
                values.add(Value.of("[1]", List.of(1), true));
                // Jackson's defaults coerce these; a service may take them or refuse them.
                values.add(Value.of("1.5", 1.5, false));
                values.add(Value.of("true", true, false));
                values.add(Value.raw("1e400", "1e400", type.equals("integer")));
                values.add(Value.raw("20 digits", "12345678901234567890", type.equals("integer")));
                values.addAll(numbers(s));
            }
            case "boolean" -> {
                values.add(Value.of("\"maybe\"", "maybe", true));
                values.add(Value.of("{}", Map.of(), true));
            }
            case "array" -> {
                JsonNode items = resolve(s.path("items"));
                int min = s.path("minItems").asInt(0);
                int max = s.path("maxItems").asInt(Integer.MAX_VALUE);
                values.add(Value.of("\"not an array\"", "text", true));
                values.add(Value.of("{}", Map.of(), true));
                values.add(Value.of("[]", List.of(), min > 0));
                values.add(Value.raw(
                        "1,000 nested arrays",
                        HostileInput.nestedArrays(1_000),
                        !type(items).isEmpty()));
                JsonNode item = baseline(null, items, 0, null);
                if (max < 10_000) {
                    ArrayNode over = NODES.arrayNode();
                    for (int i = 0; i <= max; i++) {
                        over.add(item);
                    }
                    values.add(new Value((max + 1) + " items, max " + max, over, null, true));
                }
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 10_000; i++) {
                    many.add(item);
                }
                values.add(new Value("10,000 items", many, null, max < 10_000));
                for (Value v : itemValues(items)) {
                    values.add(
                            new Value("[" + v.label() + "]", NODES.arrayNode().add(v.json()), null, v.invalid()));
                }
            }
            case "object" -> {
                boolean hasRequired = s.path("required").size() > 0;
                values.add(Value.of("\"not an object\"", "text", true));
                values.add(Value.of("[]", List.of(), true));
                values.add(Value.of("{}", Map.of(), hasRequired));
                values.add(Value.raw("1,000 nested arrays", HostileInput.nestedArrays(1_000), true));
                values.add(Value.raw("1,000 nested objects", HostileInput.nestedObjects(1_000), hasRequired));
            }
            case "string" -> {
                values.add(Value.of("{\"x\":[1]}", Map.of("x", List.of(1)), true));
                values.add(Value.of("[\"a\"]", List.of("a"), true));
                values.add(Value.raw("1,000 nested arrays", HostileInput.nestedArrays(1_000), true));
                // Jackson's defaults coerce scalars to text.
                values.add(Value.of("12345", 12345, false));
                values.addAll(hostile(s));
                values.addAll(stringConstraints(s));
            }
            default -> {
                values.addAll(hostile(s));
                values.add(Value.raw("1,000 nested arrays", HostileInput.nestedArrays(1_000), false));
            }
        }
        return values;
    }

    /** Single values that break an array's item schema, to put in an array. */
    private List<Value> itemValues(JsonNode items) {
        List<Value> values = new ArrayList<>();
        String type = type(items);
        if (type.equals("string")) {
            values.add(Value.of("{}", Map.of(), true));
            for (Value v : hostile(items)) {
                values.add(v);
            }
            values.addAll(stringConstraints(items));
        } else if (type.equals("object")) {
            values.add(Value.of("\"text\"", "text", true));
            values.add(Value.of("{}", Map.of(), items.path("required").size() > 0));
        } else if (type.equals("integer")) {
            values.add(Value.of("\"abc\"", "abc", true));
        }
        values.removeIf(v -> v.json() == null);
        return values;
    }

    private List<Value> numbers(JsonNode s) {
        List<Value> values = new ArrayList<>();
        boolean int32 = "int32".equals(s.path("format").asText());
        if (s.has("minimum") || s.has("exclusiveMinimum")) {
            boolean exclusive =
                    s.has("exclusiveMinimum") && s.path("exclusiveMinimum").isNumber();
            long min = exclusive
                    ? s.path("exclusiveMinimum").asLong()
                    : s.path("minimum").asLong();
            values.add(Value.of("below minimum " + min, exclusive ? min : min - 1, true));
        }
        if (s.has("maximum")) {
            long max = s.path("maximum").asLong();
            values.add(Value.of("over maximum " + max, max + 1, true));
        }
        if (int32) {
            values.add(Value.of("2^31", 2_147_483_648L, true));
            values.add(Value.of("-2^31-1", -2_147_483_649L, true));
        }
        values.add(Value.of("-1", -1, !within(s, -1)));
        values.add(Value.of("0", 0, !within(s, 0)));
        values.add(Value.of("2^31-1", Integer.MAX_VALUE, !within(s, Integer.MAX_VALUE)));
        values.add(Value.of("-2^31", Integer.MIN_VALUE, !within(s, Integer.MIN_VALUE)));
        return values;
    }

    private static boolean within(JsonNode s, long n) {
        if (s.has("minimum") && n < s.path("minimum").asLong()) {
            return false;
        }
        if (s.path("exclusiveMinimum").isNumber()
                && n <= s.path("exclusiveMinimum").asLong()) {
            return false;
        }
        if (s.has("maximum") && n > s.path("maximum").asLong()) {
            return false;
        }
        return !(s.path("exclusiveMaximum").isNumber()
                && n >= s.path("exclusiveMaximum").asLong());
    }

    private List<Value> hostile(JsonNode s) {
        // Long, but a quarter of the body limit, so that validation rather than the limit answers.
        return hostile(s, maxBodyBytes / 4);
    }

    private List<Value> hostile(JsonNode s, int longLength) {
        List<Value> values = new ArrayList<>();
        List<String> strings = new ArrayList<>(HostileInput.STRINGS);
        strings.addAll(MORE_HOSTILE);
        for (String text : strings) {
            if (text.length() > longLength) {
                continue;
            }
            values.add(Value.of(text, text, !valid(s, text)));
        }
        String longText = "x".repeat(longLength);
        values.add(Value.of(longText.length() + " characters", longText, !valid(s, longText)));
        return values;
    }

    private List<Value> stringConstraints(JsonNode s) {
        List<Value> values = new ArrayList<>();
        if (s.has("maxLength")) {
            String over = "y".repeat(s.path("maxLength").asInt() + 1);
            values.add(Value.of("maxLength + 1", over, true));
        }
        if (s.has("enum")) {
            values.add(Value.of("not in the enum", "not-in-the-enum", true));
            String upper = s.path("enum").path(0).asText().toUpperCase(Locale.ROOT);
            values.add(Value.of(upper, upper, !valid(s, upper)));
        }
        switch (s.path("format").asText()) {
            case "uuid" -> {
                values.add(Value.of("not-a-uuid", "not-a-uuid", true));
                values.add(Value.of("nil UUID", "00000000-0000-0000-0000-000000000000", false));
                values.add(Value.of("UUID with a suffix", UUID.nameUUIDFromBytes(new byte[0]) + "x", true));
            }
            case "date-time" -> {
                values.add(Value.of("2024-13-45T99:99:99Z", "2024-13-45T99:99:99Z", true));
                values.add(Value.of("yesterday", "yesterday", true));
                for (String odd :
                        List.of("+1000000000-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z")) {
                    values.add(Value.of(odd, odd, !valid(s, odd)));
                }
            }
            case "date" -> {
                values.add(Value.of("2023-02-30", "2023-02-30", true));
                values.add(Value.of("+999999999-12-31", "+999999999-12-31", !valid(s, "+999999999-12-31")));
                values.add(Value.of("-999999999-01-01", "-999999999-01-01", !valid(s, "-999999999-01-01")));
            }
            default -> {}
        }
        return values;
    }

    /** Whether the document allows this text for a string schema. */
    private boolean valid(JsonNode s, String text) {
        String type = type(s);
        if (!type.isEmpty() && !type.equals("string")) {
            return false;
        }
        if (s.has("maxLength")
                && text.codePointCount(0, text.length()) > s.path("maxLength").asInt()) {
            return false;
        }
        if (s.has("minLength")
                && text.codePointCount(0, text.length()) < s.path("minLength").asInt()) {
            return false;
        }
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode e : s.path("enum")) {
                found |= e.asText().equals(text);
            }
            if (!found) {
                return false;
            }
        }
        if (s.has("pattern")
                && !Pattern.compile(s.path("pattern").asText()).matcher(text).find()) {
            return false;
        }
        try {
            switch (s.path("format").asText()) {
                case "uuid" -> UUID.fromString(text);
                case "date-time" -> OffsetDateTime.parse(text);
                case "date" -> LocalDate.parse(text);
                default -> {}
            }
        } catch (RuntimeException e) {
            return false;
        }
        return !(s.path("format").asText().equals("uuid") && text.length() != 36);
    }

    private static String type(JsonNode s) {
        if (s.has("type")) {
            return s.path("type").asText();
        }
        return s.has("enum") ? "string" : s.has("properties") ? "object" : "";
    }

    private static boolean isInteger(JsonNode s) {
        return type(s).equals("integer");
    }

    private static boolean isInt(String text) {
        try {
            Integer.parseInt(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- the valid-looking baseline

    /** A value the document allows; {@code name} picks a test-supplied value first. */
    private JsonNode baseline(String name, JsonNode schema, int depth, Operation op) {
        if (name != null && values.containsKey(name) && op != null) {
            return JSON_NODE.apply(values.get(name).apply(op));
        }
        JsonNode s = resolve(schema);
        if (s.has("examples") && s.path("examples").size() > 0) {
            return s.path("examples").path(0);
        }
        if (s.has("enum")) {
            return s.path("enum").path(0);
        }
        switch (type(s)) {
            case "integer", "number" -> {
                long n = s.path("exclusiveMinimum").isNumber()
                        ? s.path("exclusiveMinimum").asLong() + 1
                        : s.has("minimum") ? s.path("minimum").asLong() : 1;
                return NODES.numberNode(
                        s.has("maximum") ? Math.min(n, s.path("maximum").asLong()) : n);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < Math.max(1, s.path("minItems").asInt(1)); i++) {
                    array.add(baseline(null, s.path("items"), depth + 1, op));
                }
                return array;
            }
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth > 6) {
                    return object;
                }
                Set<String> required = new java.util.HashSet<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> props =
                                s.path("properties").fields();
                        props.hasNext(); ) {
                    Map.Entry<String, JsonNode> prop = props.next();
                    JsonNode p = resolve(prop.getValue());
                    boolean supplied = values.containsKey(prop.getKey());
                    // An optional reference to something else (a UUID) would only make the request refer to nothing.
                    if (p.path("readOnly").asBoolean(false)
                            || (!required.contains(prop.getKey())
                                    && !supplied
                                    && p.path("format").asText().equals("uuid"))) {
                        continue;
                    }
                    object.set(prop.getKey(), baseline(prop.getKey(), p, depth + 1, op));
                }
                return object;
            }
            default -> {}
        }
        String format = s.path("format").asText();
        if (format.equals("uuid")) {
            return NODES.textNode(new UUID(seed, 1).toString());
        }
        if (format.equals("date-time")) {
            return NODES.textNode(Instant.now()
                    .truncatedTo(ChronoUnit.SECONDS)
                    .minus(Duration.ofHours(1))
                    .toString());
        }
        if (format.equals("date")) {
            return NODES.textNode(LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
        }
        for (String candidate : List.of("fuzz-baseline", "fuzz", "09:00", "MONDAY", "push", "seated", "left", "x")) {
            if (valid(s, candidate)) {
                return NODES.textNode(candidate);
            }
        }
        return NODES.textNode("fuzz");
    }

    // ---------------------------------------------------------------- running

    /** A request as sent. */
    record Request(String method, String path, Map<String, String> headers, String body, boolean chunked) {}

    /** {@code raw}: sent over a plain socket, as the JDK client would not send it. */
    record Answer(int status, String contentType, String body, boolean raw) {}

    Request request(Case c) {
        Operation op = c.op();
        String path = op.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        String token = tokens.apply(op);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        for (Param p : op.params()) {
            String text;
            if (p.name().equals(c.param())) {
                if (c.value().missing()) {
                    continue;
                }
                text = c.value().text();
            } else {
                if (!p.required() && !values.containsKey(p.name())) {
                    continue; // optional parameters stay out of the baseline unless the test names a value
                }
                JsonNode v = baseline(p.name(), p.schema(), 0, op);
                text = v.isTextual() ? v.asText() : v.toString();
            }
            switch (p.in()) {
                case "path" -> path = path.replace("{" + p.name() + "}", pathSegment(c, p, text));
                case "header" -> headers.put(p.name(), text);
                default ->
                    query.append(query.length() == 0 ? "?" : "&")
                            .append(p.name())
                            .append('=')
                            .append(encode(text));
            }
        }
        if ("fuzz".equals(c.param())) {
            query.append(query.length() == 0 ? "?" : "&")
                    .append("fuzz=")
                    .append(encode(c.value().text()));
        }
        String body = null;
        if (op.body() != null) {
            headers.put(
                    "Content-Type",
                    c.contentType() != null ? c.contentType() : op.body().contentType());
            if (c.wholeBody() != null) {
                body = c.wholeBody();
            } else {
                JsonNode tree = bodies.containsKey(op.id())
                        ? JSON_NODE.apply(bodies.get(op.id()).apply(op))
                        : baseline(null, op.body().schema(), 0, op);
                String marker = null;
                if (c.bodyPath() != null && !c.bodyPath().isEmpty()) {
                    marker = set(tree, c.bodyPath(), c.value());
                }
                body = write(tree);
                if (marker != null) {
                    body = body.replace("\"" + marker + "\"", c.value().raw());
                }
            }
        }
        return new Request(op.method(), path + query, headers, body, c.kind() == Kind.OVERSIZED_CHUNKED);
    }

    private static String pathSegment(Case c, Param p, String text) {
        if (p.name().equals(c.param()) && (text.equals("..") || text.contains("%2f"))) {
            return text; // sent as written: the server must not let a traversal reach another resource
        }
        return encode(text);
    }

    /** Puts the value at the path; answers the marker to replace with raw JSON, if any. */
    private static String set(JsonNode tree, List<Object> path, Value value) {
        JsonNode parent = tree;
        for (int i = 0; i < path.size() - 1; i++) {
            Object key = path.get(i);
            JsonNode next = key instanceof Integer index ? parent.path(index) : parent.path((String) key);
            if (next.isMissingNode() || next.isNull()) {
                return null; // the baseline leaves this part out
            }
            parent = next;
        }
        Object last = path.get(path.size() - 1);
        String marker = value.raw() != null ? RAW + UUID.randomUUID() : null;
        JsonNode node = value.missing() ? null : marker != null ? NODES.textNode(marker) : value.json();
        if (parent instanceof ObjectNode object) {
            if (node == null) {
                object.remove((String) last);
            } else {
                object.set((String) last, node);
            }
        } else if (parent instanceof ArrayNode array && last instanceof Integer index && index < array.size()) {
            if (node == null) {
                array.remove(index);
            } else {
                array.set(index, node);
            }
        }
        return marker;
    }

    private static String write(JsonNode tree) {
        try {
            return RawHttp.JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Sends every case, checks every answer and the database around it. */
    public Report run() {
        List<Case> cases = cases();
        List<String> failures = new ArrayList<>();
        List<String> tolerated = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, String> before = settledRows(failures);
        long start = System.nanoTime();
        // Cases that break the contract first: the valid-looking ones may write, and change what follows.
        List<Case> ordered =
                new ArrayList<>(cases.stream().filter(Case::invalid).toList());
        // Deletions last: an erasure would leave the rest nothing to reach.
        ordered.addAll(cases.stream()
                .filter(c -> !c.invalid() && !c.op().method().equals("DELETE"))
                .toList());
        ordered.addAll(cases.stream()
                .filter(c -> !c.invalid() && c.op().method().equals("DELETE"))
                .toList());
        for (Case c : ordered) {
            Request request = request(c);
            Answer answer;
            try {
                answer = send(request);
            } catch (RuntimeException e) {
                Map<String, String> after = rows.get();
                failures.add(fail(c, request, "no answer: " + e));
                before = after;
                continue;
            }
            statuses.merge(answer.status(), 1, Integer::sum);
            Map<String, String> after = rows.get();
            judge(c, request, answer, before, after, failures, tolerated);
            before = after;
        }
        return new Report(
                seed,
                ordered.size(),
                Duration.ofNanos(System.nanoTime() - start),
                List.copyOf(failures),
                List.copyOf(tolerated),
                statuses);
    }

    /** Background work of earlier tests (the relay, consumers) must be done before rows can be compared. */
    private Map<String, String> settledRows(List<String> failures) {
        Map<String, String> previous = rows.get();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            sleep(300);
            Map<String, String> now = rows.get();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        failures.add(
                "the database never settled before the run; tables still changing: " + changed(previous, rows.get()));
        return previous;
    }

    private void judge(
            Case c,
            Request request,
            Answer answer,
            Map<String, String> before,
            Map<String, String> after,
            List<String> failures,
            List<String> tolerated) {
        int status = answer.status();
        String code = String.valueOf(status);
        if (status >= 500) {
            failures.add(
                    fail(c, request, "answered " + status + " " + answer.contentType() + " " + shorten(answer.body())));
        } else if (status >= 400 && !isProblem(answer)) {
            if (c.kind() == Kind.LINE_TOO_LONG && status == 414) {
                // BUG: Vert.x's HTTP codec answers a request line over quarkus.http.limits.max-initial-line-length
                // with an empty 414 before any route or mapper runs; no application code can make it a problem.
                tolerated.add(c.id() + ": BUG: bare 414 from the HTTP codec for a request line over its limit");
            } else if (c.kind() == Kind.HEADER && status == 400 && answer.raw()) {
                // BUG: the same codec answers a header with control characters (NUL, CR, LF, ESC) with
                // an empty 400, before any route or mapper runs.
                tolerated.add(c.id() + ": BUG: bare 400 from the HTTP codec for control characters in a header");
            } else {
                failures.add(fail(
                        c,
                        request,
                        status + " is not an RFC 9457 problem with status and title: " + answer.contentType() + " "
                                + shorten(answer.body())));
            }
        }
        if (status >= 400 && isProblem(answer)) {
            String type = problemType(answer);
            if (!Integer.valueOf(status).equals(PROBLEM_TYPES.get(type))) {
                failures.add(fail(
                        c,
                        request,
                        "answered a " + status + " problem of type '" + type
                                + "', which docs/problems.md does not list with that status"));
            }
        }
        if (c.invalid() && status < 400) {
            failures.add(fail(c, request, "accepted with " + status + " though it breaks the document's contract"));
        }
        boolean declared = c.op().declared().contains(code)
                || status == 401
                || status == 403
                || (c.kind() == Kind.PATH && (status == 404 || status == 405))
                || (status == 413 && request.body() != null && request.body().length() > maxBodyBytes)
                || (c.kind() == Kind.MEDIA_TYPE && status == 415)
                || (c.kind() == Kind.LINE_TOO_LONG && status == 414)
                || status >= 500;
        if (!declared) {
            failures.add(fail(
                    c, request, "answered " + status + ", which the document does not declare " + c.op().declared()));
        }
        boolean mustNotWrite = c.invalid() || status >= 400 || c.op().method().equals("GET");
        if (mustNotWrite && !before.equals(after)) {
            failures.add(fail(c, request, "answered " + status + " and changed rows in " + changed(before, after)));
        }
    }

    private String fail(Case c, Request request, String what) {
        return "seed " + seed + " case " + c.describe() + ": " + what + "\n    " + request.method() + " "
                + shorten(printable(request.path()))
                + (request.body() == null ? "" : " body " + shorten(printable(request.body())));
    }

    private static String changed(Map<String, String> before, Map<String, String> after) {
        List<String> tables = new ArrayList<>();
        for (String table : after.keySet()) {
            if (!Objects.equals(before.get(table), after.get(table))) {
                tables.add(table);
            }
        }
        return tables.toString();
    }

    private static String problemType(Answer answer) {
        try {
            return RawHttp.JSON.readTree(answer.body()).path("type").asText();
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isProblem(Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = RawHttp.JSON.readTree(answer.body());
            return problem.path("status").asInt() == answer.status()
                    && !problem.path("title").asText().isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    Answer send(Request request) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(base + request.path())).timeout(Duration.ofSeconds(30));
            request.headers().forEach(builder::header);
        } catch (IllegalArgumentException e) {
            // Header values (CR, LF, NUL, non-Latin-1) or a path the JDK client will not send.
            return sendRaw(request);
        }
        byte[] bytes = request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8);
        if (INVALID_UTF8.equals(request.body())) {
            bytes = request.body().getBytes(StandardCharsets.ISO_8859_1);
        }
        if (bytes == null) {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else if (request.chunked()) {
            byte[] chunked = bytes;
            builder.method(
                    request.method(),
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        try {
            HttpResponse<String> response =
                    client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.version() == HttpClient.Version.HTTP_1_1
                    && response.statusCode() >= 400
                    && response.headers().firstValue("Content-Type").isEmpty()) {
                // The codec's bare answers (414, 400) come as HTTP/1.0 and close the connection
                // without saying so; the client may hand that connection to the next request,
                // which then gets no answer. The next request goes out on a fresh one.
                client = newClient();
            }
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("(none)"),
                    response.body(),
                    false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** HTTP/1.1 over a plain socket, for what the JDK client refuses to write. */
    private Answer sendRaw(Request request) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder()
                    .append(request.method())
                    .append(' ')
                    .append(uri.getPath().replaceAll("/$", ""))
                    .append(request.path())
                    .append(" HTTP/1.1\r\nHost: ")
                    .append(uri.getHost())
                    .append(':')
                    .append(uri.getPort())
                    .append("\r\nConnection: close\r\nContent-Length: ")
                    .append(body.length)
                    .append("\r\n");
            request.headers()
                    .forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no HTTP answer: " + shorten(text));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String type = "(none)";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                type = line.substring(13).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (chunked) {
            body = dechunk(body);
        }
        return new Answer(status, type, new String(body, StandardCharsets.UTF_8), true);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(body);
        try {
            while (true) {
                StringBuilder size = new StringBuilder();
                int b;
                while ((b = in.read()) != -1 && b != '\n') {
                    if (b != '\r') {
                        size.append((char) b);
                    }
                }
                int n = size.length() == 0
                        ? 0
                        : Integer.parseInt(size.toString().split(";")[0].trim(), 16);
                if (n == 0) {
                    return out.toByteArray();
                }
                out.write(in.readNBytes(n));
                in.skip(2);
            }
        } catch (IOException | NumberFormatException e) {
            return out.toByteArray();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pathText(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object key : path) {
            text.append(key instanceof Integer ? "[" + key + "]" : "." + key);
        }
        return text.toString();
    }

    private static String shorten(String text) {
        return shorten(text, 300);
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "... (" + text.length() + " chars)";
    }

    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints()
                .limit(400)
                .forEach(c -> out.append(
                        c < 0x20 || (c > 0x7e && c < 0xa0) || c >= 0xd800 && c < 0xe000 || c > 0xffff
                                ? String.format("\\u{%x}", c)
                                : Character.toString(c)));
        return out.toString();
    }
}

package io.limber.session.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies for tests. */
public final class Sessions {

    private Sessions() {}

    /** A session of the given number of sets of 10 reps with a 5 s hold, ended a minute ago. */
    public static Map<String, Object> body(UUID exerciseId, int revision, int sets) {
        Instant end = Instant.now().minus(Duration.ofMinutes(1));
        return body(exerciseId, revision, end.minus(Duration.ofMinutes(10)), end, sets);
    }

    public static Map<String, Object> body(UUID exerciseId, int revision, Instant start, Instant end, int sets) {
        List<Map<String, Object>> setList = new ArrayList<>();
        for (int i = 0; i < sets; i++) {
            setList.add(Map.of("side", "both", "reps", 10, "holdSeconds", 5));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exerciseId", exerciseId.toString());
        body.put("exerciseRevision", revision);
        body.put("startedAt", start.toString());
        body.put("endedAt", end.toString());
        body.put("sets", setList);
        body.put("note", "felt fine");
        return body;
    }

    public static Map<String, Object> report(UUID exerciseId, int before, int during, int after) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exerciseId", exerciseId.toString());
        body.put("painBefore", before);
        body.put("painDuring", during);
        body.put("painAfter", after);
        body.put("effort", 5);
        return body;
    }

    public static String member() {
        return "member-" + UUID.randomUUID();
    }
}

package io.limber.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalog reads under load: a search, a get by slug and a conditional get answered 304, beside a
 * bare Quarkus endpoint returning constant JSON, all in one run on the same machine.
 *
 * <p>Targets (issue 18): the get by slug within 1.2x of the bare endpoint's throughput, and p99
 * under 5 ms at 1,000 requests/s for every catalog read, with the default options right after
 * {@code ./limber} starts.
 */
final class CatalogReadBenchmark {

    private final String content;
    private final String baseline;
    private final String slug;
    private final String search;
    private final int callers;
    private final int rate;
    private final HttpLoad.Steadiness steadiness;
    private final Duration openWarmup;
    private final Duration duration;
    private final HttpLoad load = new HttpLoad();

    CatalogReadBenchmark(Options o) {
        content = o.get("content", "http://localhost:8081");
        baseline = o.get("baseline", "http://localhost:8090");
        slug = o.get("slug", "open-book-rotation");
        search = o.get("search", "/api/v1/exercises?kind=stretch&q=stretch&size=20");
        callers = o.getInt("callers", 16);
        rate = o.getInt("rate", 1000);
        // Right after ./limber starts, content-service is still compiling: each closed loop warms
        // up until its rate is steady (a fixed 5 s measured a JIT at work, 2.50x the bare endpoint).
        steadiness = HttpLoad.Steadiness.of(o, 180);
        // The open loops follow the closed ones, on a warm service.
        openWarmup = o.seconds("open-warmup", 5);
        duration = o.seconds("duration", 15);
    }

    boolean run() throws Exception {
        HttpResponse<String> bySlug = load.get(HttpRequest.newBuilder(URI.create(content + "/api/v1/exercises/" + slug))
                .build());
        if (bySlug.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/exercises/" + slug + " answered " + bySlug.statusCode()
                    + ": is content-service running with its seed catalog?");
        }
        String etag = bySlug.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag"));

        System.out.printf(
                "Catalog reads: %d callers closed loop for throughput (warm-up until steady), then %d/s open loop"
                        + " (%ds warm-up); %ds measured%n",
                callers, rate, openWarmup.toSeconds(), duration.toSeconds());
        List<LoadResult> results = new ArrayList<>();
        LoadResult bare = load.closed(
                "bare Quarkus constant JSON",
                () -> get(baseline + "/constant", null),
                s -> s == 200,
                callers,
                steadiness,
                duration);
        LoadResult slugMax = load.closed(
                "get by slug",
                () -> get(content + "/api/v1/exercises/" + slug, null),
                s -> s == 200,
                callers,
                steadiness,
                duration);
        LoadResult searchMax =
                load.closed("search", () -> get(content + search, null), s -> s == 200, callers, steadiness, duration);
        LoadResult notModifiedMax = load.closed(
                "conditional get (304)",
                () -> get(content + "/api/v1/exercises/" + slug, etag),
                s -> s == 304,
                callers,
                steadiness,
                duration);
        results.addAll(List.of(bare, slugMax, searchMax, notModifiedMax));
        // The same fixed rate on the bare endpoint shows what the machine and this driver add.
        LoadResult bareRate = load.open(
                "bare Quarkus constant JSON",
                () -> get(baseline + "/constant", null),
                s -> s == 200,
                rate,
                openWarmup,
                duration);
        results.add(bareRate);
        LoadResult slugRate = load.open(
                "get by slug",
                () -> get(content + "/api/v1/exercises/" + slug, null),
                s -> s == 200,
                rate,
                openWarmup,
                duration);
        LoadResult searchRate =
                load.open("search", () -> get(content + search, null), s -> s == 200, rate, openWarmup, duration);
        LoadResult notModifiedRate = load.open(
                "conditional get (304)",
                () -> get(content + "/api/v1/exercises/" + slug, etag),
                s -> s == 304,
                rate,
                openWarmup,
                duration);
        results.addAll(List.of(slugRate, searchRate, notModifiedRate));

        System.out.println(LoadResult.header());
        results.forEach(r -> System.out.println(r.row()));

        double ratio = bare.perSecond() / slugMax.perSecond();
        List<Check> checks = List.of(
                new Check(
                        String.format("get by slug within 1.2x of the bare endpoint (%.2fx)", ratio),
                        ratio <= 1.2,
                        new Check.Figure("get by slug / bare Quarkus", 1 / ratio, "x yardstick")),
                new Check(
                        String.format("get by slug p99 < 5 ms at %d/s (%.2f ms)", rate, slugRate.p99Millis()),
                        slugRate.p99Millis() < 5 && slugRate.failed() == 0,
                        new Check.Figure("get by slug p99 at " + rate + "/s", slugRate.p99Millis(), "ms")),
                new Check(
                        String.format("search p99 < 5 ms at %d/s (%.2f ms)", rate, searchRate.p99Millis()),
                        searchRate.p99Millis() < 5 && searchRate.failed() == 0,
                        new Check.Figure("search p99 at " + rate + "/s", searchRate.p99Millis(), "ms")),
                new Check(
                        String.format(
                                "conditional get p99 < 5 ms at %d/s (%.2f ms)", rate, notModifiedRate.p99Millis()),
                        notModifiedRate.p99Millis() < 5 && notModifiedRate.failed() == 0,
                        new Check.Figure("conditional get p99 at " + rate + "/s", notModifiedRate.p99Millis(), "ms")));
        return Check.report("catalog reads", checks);
    }

    private static Request get(String url, String ifNoneMatch) {
        Request request = Request.get(url);
        return ifNoneMatch == null ? request : request.header("If-None-Match", ifNoneMatch);
    }
}

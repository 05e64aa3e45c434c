package io.limber.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.infra.jwt.TokenMinter;

/**
 * A long mixed load shaped like a portal (issue 7 "Load"): catalog reads (list, search, get by
 * slug), session POSTs, tolerance reports, progress reads and reminder-preference updates, each at
 * its share of a total rate, open loop, against the whole suite started here ({@link LocalSuite}).
 *
 * <p>Targets: no 5xx (nor unanswered request) on any endpoint; p99 per endpoint printed; resident
 * memory of each service JVM and PostgreSQL connections per database flat from the end of the
 * warm-up to the end of the run: RSS grown by less than {@value #RSS_TOLERANCE_PERCENT}% (and by
 * less than {@value #SECOND_HALF_TOLERANCE_PERCENT}% over the second half, where a leak would still
 * grow and a heap that settled would not) and connections by at most {@value #CONNECTION_SLACK} per
 * database (a pool may open one more under a burst; a leak grows without bound).
 */
final class MixedLoad {

    static final int RSS_TOLERANCE_PERCENT = 15;
    static final int SECOND_HALF_TOLERANCE_PERCENT = 5;
    static final int CONNECTION_SLACK = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Share of the total rate per endpoint, in percent: a portal reads far more than it writes. */
    private static final Map<String, Integer> MIX = new LinkedHashMap<>();

    static {
        MIX.put("GET exercises (list)", 15);
        MIX.put("GET exercises?q= (search)", 15);
        MIX.put("GET exercises/{slug}", 25);
        MIX.put("POST sessions", 15);
        MIX.put("POST tolerance-reports", 8);
        MIX.put("GET progress", 15);
        MIX.put("PUT reminder-preferences", 7);
    }

    private final int rate;
    private final Duration duration;
    private final Duration warmup;
    private final Duration sampleEvery;
    private final Duration maxP99;
    private final String javaOpts;
    private final Path logs = Path.of("").toAbsolutePath().resolve(".limber/mixed-load");
    private final HttpLoad load = new HttpLoad();
    private final List<String> members = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private final List<String> slugs = new ArrayList<>();
    private final List<Exercise> exercises = new ArrayList<>();
    private final String[] searches = {"stretch", "neck", "shoulder", "hip", "wrist", "back", "desk", "rotation"};
    private LocalSuite suite;

    record Exercise(String id, int revision) {}

    MixedLoad(Options o) {
        rate = o.getInt("rate", 150);
        duration = o.duration("duration", Duration.ofMinutes(10));
        // Long enough for the JIT and for each JVM's heap to grow to what this load needs, so that
        // growth after it means something.
        // (A 10-minute run after 120 s measured reminder-service's RSS still growing for two more
        // minutes, then flat for eight.)
        warmup = o.duration("warmup", Duration.ofSeconds(180));
        maxP99 = Duration.ofMillis(o.getInt("max-p99-ms", 2_000));
        sampleEvery = o.duration("sample-every", Duration.ofSeconds(Math.max(10, duration.toSeconds() / 10)));
        javaOpts = o.get("java-opts", "-Xms64m -Xmx384m -XX:+UseSerialGC");
    }

    boolean run() throws Exception {
        suite = LocalSuite.start(logs, javaOpts);
        try {
            prepare();
            System.out.printf(
                    "Mixed load: %d requests/s in all (%s), %ds warm-up, %ds measured; %s%n",
                    rate, mixDescription(), warmup.toSeconds(), duration.toSeconds(), suite.description());
            Map<String, StatusCounts> warmupStatuses = new LinkedHashMap<>();
            runMix(warmup, warmupStatuses);
            System.out.printf("Warm-up done: answers by endpoint and status %s%n", warmupStatuses);

            List<Sample> samples = new ArrayList<>();
            samples.add(sample(0));
            long start = System.nanoTime();
            Thread sampler = new Thread(
                    () -> {
                        try {
                            while (true) {
                                Thread.sleep(sampleEvery.toMillis());
                                Sample s = sample((System.nanoTime() - start) / 1_000_000_000L);
                                synchronized (samples) {
                                    samples.add(s);
                                }
                                System.out.println("  " + s);
                            }
                        } catch (InterruptedException stopped) {
                            // the run is over
                        } catch (Exception e) {
                            System.out.println("  sampling failed: " + e);
                        }
                    },
                    "sampler");
            sampler.setDaemon(true);
            System.out.println("  " + samples.get(0));
            sampler.start();
            Map<String, StatusCounts> statuses = new LinkedHashMap<>();
            List<LoadResult> results = runMix(duration, statuses);
            sampler.interrupt();
            sampler.join();
            Sample last = sample((System.nanoTime() - start) / 1_000_000_000L);
            samples.add(last);
            System.out.println("  " + last);
            // A leak keeps growing; a heap settling to its working size does not: the second half shows which.
            Sample middle = samples.stream()
                    .filter(x -> x.second() >= duration.toSeconds() / 2)
                    .findFirst()
                    .orElse(samples.get(0));
            return report(results, statuses, samples.get(0), middle, last);
        } finally {
            suite.close();
        }
    }

    // ---- the mix

    private List<LoadResult> runMix(Duration length, Map<String, StatusCounts> statuses) throws Exception {
        Map<String, Supplier<Request>> requests = requests();
        List<Thread> threads = new ArrayList<>();
        List<LoadResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Map.Entry<String, Integer> e : MIX.entrySet()) {
            String endpoint = e.getKey();
            int endpointRate = Math.max(1, rate * e.getValue() / 100);
            StatusCounts counts = new StatusCounts();
            statuses.put(endpoint, counts);
            // Enough connections that a slow answer does not hold up the next due requests: the
            // client's own queue would otherwise be measured as the service's latency.
            int connections = Math.min(32, Math.max(8, endpointRate));
            Thread t = new Thread(
                    () -> {
                        try {
                            results.add(load.open(
                                    endpoint,
                                    requests.get(endpoint),
                                    counts,
                                    endpointRate,
                                    connections,
                                    Duration.ZERO,
                                    length));
                        } catch (InterruptedException ex) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "mix-" + endpoint);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        List<LoadResult> ordered = new ArrayList<>();
        for (String endpoint : MIX.keySet()) {
            results.stream().filter(r -> r.name().startsWith(endpoint + " @")).forEach(ordered::add);
        }
        return ordered;
    }

    private Map<String, Supplier<Request>> requests() {
        String content = suite.url("content-service");
        String sessions = suite.url("session-service");
        String reminders = suite.url("reminder-service");
        Map<String, Supplier<Request>> r = new LinkedHashMap<>();
        r.put(
                "GET exercises (list)",
                () -> Request.get(content + "/api/v1/exercises?size=20&page="
                        + ThreadLocalRandom.current().nextInt(2)));
        r.put(
                "GET exercises?q= (search)",
                () -> Request.get(content + "/api/v1/exercises?q="
                        + URLEncoder.encode(pick(searches), StandardCharsets.UTF_8) + "&size=10"));
        r.put("GET exercises/{slug}", () -> Request.get(content + "/api/v1/exercises/" + pick(slugs)));
        r.put("POST sessions", () -> {
            int m = member();
            Exercise ex = pick(exercises);
            Instant end = Instant.now().minusSeconds(60);
            return Request.post(
                            sessions + "/api/v1/members/" + members.get(m) + "/sessions",
                            ("{\"exerciseId\":\"%s\",\"exerciseRevision\":%d,\"startedAt\":\"%s\",\"endedAt\":\"%s\","
                                            + "\"sets\":[{\"side\":\"left\",\"reps\":8,\"holdSeconds\":5},"
                                            + "{\"side\":\"right\",\"reps\":8,\"holdSeconds\":5}]}")
                                    .formatted(ex.id(), ex.revision(), end.minusSeconds(300), end))
                    .header("Authorization", "Bearer " + tokens.get(m))
                    .header("Idempotency-Key", UUID.randomUUID().toString());
        });
        r.put("POST tolerance-reports", () -> {
            int m = member();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return Request.post(
                            sessions + "/api/v1/members/" + members.get(m) + "/tolerance-reports",
                            "{\"exerciseId\":\"%s\",\"painBefore\":%d,\"painDuring\":%d,\"painAfter\":%d,\"effort\":%d}"
                                    .formatted(
                                            pick(exercises).id(),
                                            random.nextInt(4),
                                            random.nextInt(6),
                                            random.nextInt(5),
                                            random.nextInt(11)))
                    .header("Authorization", "Bearer " + tokens.get(m))
                    .header("Idempotency-Key", UUID.randomUUID().toString());
        });
        r.put("GET progress", () -> {
            int m = member();
            return Request.get(sessions + "/api/v1/members/" + members.get(m) + "/progress?timeZone=Europe/Berlin")
                    .header("Authorization", "Bearer " + tokens.get(m));
        });
        r.put("PUT reminder-preferences", () -> {
            int m = member();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            LocalTime start = LocalTime.of(7 + random.nextInt(3), 0);
            Request put = Request.post(
                            reminders + "/api/v1/me/reminder-preferences",
                            ("{\"timeZone\":\"Europe/Berlin\",\"workingDays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\","
                                            + "\"THURSDAY\",\"FRIDAY\"],\"workingWindows\":[{\"start\":\"%s\",\"end\":\"%s\"}],"
                                            + "\"intervalMinutes\":%d,\"dailyCap\":%d}")
                                    .formatted(
                                            start,
                                            start.plusHours(8),
                                            45 + random.nextInt(4) * 15,
                                            4 + random.nextInt(5)))
                    .header("Authorization", "Bearer " + tokens.get(m));
            return new Request("PUT", put.uri(), put.headers(), put.body());
        });
        return r;
    }

    private int member() {
        return ThreadLocalRandom.current().nextInt(members.size());
    }

    private static <T> T pick(List<T> items) {
        return items.get(ThreadLocalRandom.current().nextInt(items.size()));
    }

    private static <T> T pick(T[] items) {
        return items[ThreadLocalRandom.current().nextInt(items.length)];
    }

    private String mixDescription() {
        List<String> parts = new ArrayList<>();
        MIX.forEach((endpoint, share) -> parts.add(endpoint + " " + Math.max(1, rate * share / 100) + "/s"));
        return String.join(", ", parts);
    }

    /** The published catalog's slugs and ids, and members with tokens. */
    private void prepare() throws Exception {
        for (int page = 0; page < 5; page++) {
            JsonNode body = JSON.readTree(load.get(HttpRequest.newBuilder(URI.create(
                                    suite.url("content-service") + "/api/v1/exercises?size=100&page=" + page))
                            .build())
                    .body());
            for (JsonNode item : body.path("items")) {
                slugs.add(item.path("slug").asText());
                exercises.add(new Exercise(
                        item.path("id").asText(), item.path("revision").asInt()));
            }
            if (body.path("items").size() < 100) {
                break;
            }
        }
        if (slugs.isEmpty()) {
            throw new IllegalStateException("content-service lists no published exercises");
        }
        TokenMinter minter = suite.minter();
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 500; i++) {
            String member = "mixed-" + run + "-" + i;
            members.add(member);
            tokens.add(minter.token(member, "mixed-employer-" + (i % 10), List.of("member"), Duration.ofHours(4)));
        }
        System.out.printf("%d published exercises, %d members%n", slugs.size(), members.size());
    }

    // ---- memory and connections

    record Sample(long second, Map<String, Long> rssKb, Map<String, Long> connections) {

        @Override
        public String toString() {
            return "t=%4ds RSS %s; connections %s"
                    .formatted(
                            second,
                            rssKb.entrySet().stream()
                                    .map(e -> e.getKey() + " " + e.getValue() / 1024 + " MB")
                                    .toList(),
                            connections);
        }
    }

    private Sample sample(long second) throws Exception {
        Map<String, Long> rss = new TreeMap<>();
        for (Map.Entry<String, ChildJvm> e : suite.services().entrySet()) {
            rss.put(e.getKey(), rssKb(e.getValue().pid()));
        }
        Map<String, Long> connections = new TreeMap<>();
        try (Connection db = suite.connect("postgres");
                PreparedStatement s = db.prepareStatement("SELECT datname, coalesce(nullif(application_name, ''), '?'),"
                        + " count(*) FROM pg_stat_activity WHERE datname IS NOT NULL AND pid <> pg_backend_pid()"
                        + " GROUP BY 1, 2 ORDER BY 1, 2");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                connections.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
            }
        }
        return new Sample(second, rss, connections);
    }

    /** VmRSS of a process, in kB. */
    static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    // ---- the verdict

    private boolean report(
            List<LoadResult> results, Map<String, StatusCounts> statuses, Sample first, Sample middle, Sample last) {
        System.out.println();
        System.out.println(LoadResult.header() + "  answers by status");
        long serverErrors = 0;
        long total = 0;
        long expected = 0;
        for (LoadResult r : results) {
            String endpoint = r.name().substring(0, r.name().indexOf(" @"));
            StatusCounts counts = statuses.get(endpoint);
            // Failed requests that had no status: no answer, or fallen too far behind to be sent.
            long unanswered = r.failed() - counts.failures();
            System.out.println(r.row() + "  " + counts + (unanswered > 0 ? " unanswered=" + unanswered : ""));
            serverErrors += counts.serverErrors() + unanswered;
            total += counts.total();
        }
        for (int share : MIX.values()) {
            expected += Math.max(1, rate * share / 100) * duration.toSeconds();
        }
        System.out.println();
        System.out.printf(
                "%-20s %12s %12s %12s %8s %12s%n",
                "", "after warm-up", "half-way", "at the end", "growth", "second half");
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(
                "no 5xx and no unanswered request (%,d 5xx or none of %,d answers)".formatted(serverErrors, total),
                serverErrors == 0 && total > 0));
        // Open loop, latency counted from when a request was due: a rate the machine does not
        // sustain shows as a queue, i.e. a p99 of seconds.
        double worstP99 =
                results.stream().mapToDouble(LoadResult::p99Millis).max().orElse(0);
        boolean sustained = total >= expected * 0.98 && worstP99 < maxP99.toMillis();
        checks.add(new Check(
                "rate sustained: %,d of %,d requests due were sent and answered, worst p99 %.0f ms (< %d ms)"
                        .formatted(total, expected, worstP99, maxP99.toMillis()),
                sustained));
        boolean rssFlat = true;
        boolean rssFlatSecondHalf = true;
        List<String> rssFigures = new ArrayList<>();
        List<String> secondHalfFigures = new ArrayList<>();
        for (String service : first.rssKb().keySet()) {
            long a = first.rssKb().get(service);
            long m = middle.rssKb().getOrDefault(service, -1L);
            long b = last.rssKb().getOrDefault(service, -1L);
            double growth = 100.0 * (b - a) / a;
            double secondHalf = 100.0 * (b - m) / m;
            System.out.printf(
                    "RSS %-16s %9d MB %9d MB %9d MB %+7.1f%% %+11.1f%%%n",
                    service, a / 1024, m / 1024, b / 1024, growth, secondHalf);
            rssFigures.add("%s %d->%d MB".formatted(service, a / 1024, b / 1024));
            secondHalfFigures.add("%s %+.1f%%".formatted(service, secondHalf));
            rssFlat &= b > 0 && growth < RSS_TOLERANCE_PERCENT;
            rssFlatSecondHalf &= b > 0 && secondHalf < SECOND_HALF_TOLERANCE_PERCENT;
        }
        boolean connectionsFlat = true;
        Map<String, long[]> byDatabase = new TreeMap<>();
        first.connections()
                .forEach((k, v) ->
                        byDatabase.computeIfAbsent(k.substring(0, k.indexOf('/')), x -> new long[2])[0] += v);
        last.connections()
                .forEach((k, v) ->
                        byDatabase.computeIfAbsent(k.substring(0, k.indexOf('/')), x -> new long[2])[1] += v);
        List<String> connectionFigures = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byDatabase.entrySet()) {
            long a = e.getValue()[0];
            long b = e.getValue()[1];
            System.out.printf("connections %-8s %9d    %12s %9d    %+7d%n", e.getKey(), a, "", b, b - a);
            connectionFigures.add("%s %d->%d".formatted(e.getKey(), a, b));
            connectionsFlat &= b <= a + CONNECTION_SLACK;
        }
        checks.add(new Check(
                "resident memory flat (< %d%% growth after warm-up): %s"
                        .formatted(RSS_TOLERANCE_PERCENT, String.join(", ", rssFigures)),
                rssFlat));
        checks.add(new Check(
                "resident memory not growing over the second half (< %d%%): %s"
                        .formatted(SECOND_HALF_TOLERANCE_PERCENT, String.join(", ", secondHalfFigures)),
                rssFlatSecondHalf));
        checks.add(new Check(
                "database connections flat (at most +%d per database): %s"
                        .formatted(CONNECTION_SLACK, String.join(", ", connectionFigures)),
                connectionsFlat));
        return Check.report("mixed load", checks);
    }

    /** Counts answers by status; a 2xx or 304 is a success. No answer counts as status 0. */
    static final class StatusCounts implements IntPredicate {
        private final Map<Integer, AtomicLong> counts = new ConcurrentHashMap<>();

        @Override
        public boolean test(int status) {
            counts.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            return status / 100 == 2 || status == 304;
        }

        long serverErrors() {
            return counts.entrySet().stream()
                    .filter(e -> e.getKey() >= 500)
                    .mapToLong(e -> e.getValue().get())
                    .sum();
        }

        long failures() {
            return counts.entrySet().stream()
                    .filter(e -> !(e.getKey() / 100 == 2 || e.getKey() == 304))
                    .mapToLong(e -> e.getValue().get())
                    .sum();
        }

        long total() {
            return counts.values().stream().mapToLong(AtomicLong::get).sum();
        }

        @Override
        public String toString() {
            return new TreeMap<>(counts).toString();
        }
    }
}

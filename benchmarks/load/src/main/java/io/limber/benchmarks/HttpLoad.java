package io.limber.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives HTTP load from this process, which is separate from the services measured, over lean
 * keep-alive connections ({@link HttpConnection}).
 */
final class HttpLoad {

    private static final long MAX_MICROS = Duration.ofSeconds(60).toNanos() / 1000;

    /** Connections the open loop keeps; a request due while all are busy waits, and that wait counts. */
    private static final int OPEN_LOOP_CONNECTIONS = 64;

    private static final long STOP = Long.MIN_VALUE;

    /** For setup calls only, never for measured load. */
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * When a warm-up is over: windows of {@code window} until two in a row are within
     * {@code tolerance} (a fraction) of each other, or {@code ceiling} has passed. A fixed warm-up
     * is a guess that held on one machine on one day; the JIT, the pools and the caches settle
     * when they settle.
     */
    record Steadiness(Duration window, double tolerance, Duration ceiling) {

        /** {@code --window S} (10), {@code --tolerance-percent P} (5), {@code --warmup S}, the ceiling. */
        static Steadiness of(Options o, int defaultCeilingSeconds) {
            return new Steadiness(
                    o.seconds("window", 10),
                    o.getInt("tolerance-percent", 5) / 100.0,
                    o.seconds("warmup", defaultCeilingSeconds));
        }

        /** Whether the last two windows' rates are within the tolerance of each other. */
        boolean settled(List<Double> rates) {
            int n = rates.size();
            return n >= 2
                    && Math.abs(rates.get(n - 1) - rates.get(n - 2))
                            <= tolerance * Math.max(rates.get(n - 1), rates.get(n - 2));
        }
    }

    /** How a warm-up went: the rate of each window, and whether the last two agreed. */
    record Warmup(List<Double> rates, boolean steady, double seconds) {

        String describe() {
            return String.format(
                    "%s after %.0f s (windows: %s/s)",
                    steady ? "steady" : "NOT steady by the ceiling",
                    seconds,
                    String.join(
                            ", ",
                            rates.stream().map(r -> String.format("%.0f", r)).toList()));
        }
    }

    /**
     * Closed loop: {@code callers} connections each send their next request as soon as the last was
     * answered. Measures the throughput the service sustains, after a warm-up that lasts until the
     * rate is steady (printed); a result measured after a warm-up that never settled says so in its
     * name.
     */
    LoadResult closed(
            String name,
            Supplier<Request> requests,
            IntPredicate ok,
            int callers,
            Steadiness steadiness,
            Duration duration)
            throws InterruptedException {
        Warmup warm = warmUp(requests, ok, callers, steadiness);
        System.out.println(name + ": warm-up " + warm.describe());
        Phase phase = new Phase();
        long start = System.nanoTime();
        runClosed(requests, ok, callers, duration, phase);
        return phase.result(warm.steady() ? name : name + " (unsteady)", (System.nanoTime() - start) / 1e9);
    }

    private Warmup warmUp(Supplier<Request> requests, IntPredicate ok, int callers, Steadiness steadiness)
            throws InterruptedException {
        List<Double> rates = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + steadiness.ceiling().toNanos();
        while (true) {
            Phase phase = new Phase();
            long windowStart = System.nanoTime();
            runClosed(requests, ok, callers, steadiness.window(), phase);
            rates.add(phase.good.get() / ((System.nanoTime() - windowStart) / 1e9));
            boolean steady = steadiness.settled(rates);
            if (steady || System.nanoTime() >= deadline) {
                return new Warmup(rates, steady, (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private void runClosed(Supplier<Request> requests, IntPredicate ok, int callers, Duration duration, Phase phase)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            threads.add(started(() -> {
                Caller caller = new Caller(phase, ok);
                while (System.nanoTime() < end) {
                    Request request = requests.get();
                    caller.call(request, System.nanoTime());
                }
                caller.close();
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * Open loop at a fixed rate. Each latency is measured from the moment its request was due,
     * so a stalled service shows up in the percentiles instead of silently lowering the rate.
     */
    LoadResult open(
            String name, Supplier<Request> requests, IntPredicate ok, int rate, Duration warmup, Duration duration)
            throws InterruptedException {
        return open(name, requests, ok, rate, OPEN_LOOP_CONNECTIONS, warmup, duration);
    }

    /** The same with fewer connections, for one endpoint among several loaded at once. */
    LoadResult open(
            String name,
            Supplier<Request> requests,
            IntPredicate ok,
            int rate,
            int connections,
            Duration warmup,
            Duration duration)
            throws InterruptedException {
        runOpen(requests, ok, rate, connections, warmup, new Phase());
        Phase phase = new Phase();
        long start = System.nanoTime();
        runOpen(requests, ok, rate, connections, duration, phase);
        return phase.result(name + " @" + rate + "/s", (System.nanoTime() - start) / 1e9);
    }

    private void runOpen(
            Supplier<Request> requests, IntPredicate ok, int rate, int connections, Duration duration, Phase phase)
            throws InterruptedException {
        BlockingQueue<Long> due = new ArrayBlockingQueue<>(100_000);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(started(() -> {
                Caller caller = new Caller(phase, ok);
                try {
                    for (long at = due.take(); at != STOP; at = due.take()) {
                        caller.call(requests.get(), at);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                caller.close();
            }));
        }
        long period = 1_000_000_000L / rate;
        long count = duration.toNanos() / period;
        long t0 = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long at = t0 + i * period;
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!due.offer(at)) {
                phase.bad.incrementAndGet(); // this far behind: counted as failed
            }
        }
        for (int i = 0; i < connections; i++) {
            due.offer(STOP, 60, TimeUnit.SECONDS);
        }
        for (Thread t : workers) {
            t.join();
        }
    }

    private static Thread started(Runnable body) {
        Thread thread = new Thread(body, "load");
        thread.start();
        return thread;
    }

    HttpResponse<String> get(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static Histogram empty() {
        return new Histogram(MAX_MICROS, 3);
    }

    /** What one phase counts; shared by its callers. */
    private static final class Phase {
        final Recorder recorder = new Recorder(MAX_MICROS, 3);
        final AtomicLong good = new AtomicLong();
        final AtomicLong bad = new AtomicLong();

        LoadResult result(String name, double seconds) {
            return new LoadResult(name, good.get(), bad.get(), seconds, recorder.getIntervalHistogram());
        }
    }

    /** One connection's worth of calls, reconnecting after a failure. */
    private static final class Caller {
        private final Phase phase;
        private final IntPredicate ok;
        private HttpConnection connection;

        Caller(Phase phase, IntPredicate ok) {
            this.phase = phase;
            this.ok = ok;
        }

        void call(Request request, long dueNanos) {
            try {
                if (connection == null || !connection.isOpen()) {
                    close();
                    connection = new HttpConnection(request.uri());
                }
                int status = connection.send(request.encode());
                phase.recorder.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - dueNanos) / 1000));
                (ok.test(status) ? phase.good : phase.bad).incrementAndGet();
            } catch (IOException e) {
                phase.bad.incrementAndGet();
                close();
            }
        }

        void close() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }
}

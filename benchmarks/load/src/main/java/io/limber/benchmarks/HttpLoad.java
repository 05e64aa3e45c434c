package io.limber.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Drives HTTP load from this process, which is separate from the services measured. */
final class HttpLoad {

    private static final long MAX_MICROS = Duration.ofSeconds(60).toNanos() / 1000;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();

    /**
     * Closed loop: {@code callers} threads each send their next request as soon as the last was
     * answered. Measures the throughput the service sustains.
     */
    LoadResult closed(
            String name,
            Supplier<HttpRequest> requests,
            IntPredicate ok,
            int callers,
            Duration warmup,
            Duration duration)
            throws InterruptedException {
        runClosed(requests, ok, callers, warmup, new Recorder(MAX_MICROS, 3), new AtomicLong(), new AtomicLong());
        Recorder recorder = new Recorder(MAX_MICROS, 3);
        AtomicLong good = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        long start = System.nanoTime();
        runClosed(requests, ok, callers, duration, recorder, good, bad);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LoadResult(name, good.get(), bad.get(), seconds, recorder.getIntervalHistogram());
    }

    private void runClosed(
            Supplier<HttpRequest> requests,
            IntPredicate ok,
            int callers,
            Duration duration,
            Recorder recorder,
            AtomicLong good,
            AtomicLong bad)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.get();
                    long sent = System.nanoTime();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        recorder.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - sent) / 1000));
                        (ok.test(status) ? good : bad).incrementAndGet();
                    } catch (IOException e) {
                        bad.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            t.start();
            threads.add(t);
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
            String name, Supplier<HttpRequest> requests, IntPredicate ok, int rate, Duration warmup, Duration duration)
            throws InterruptedException {
        runOpen(requests, ok, rate, warmup, new Recorder(MAX_MICROS, 3), new AtomicLong(), new AtomicLong());
        Recorder recorder = new Recorder(MAX_MICROS, 3);
        AtomicLong good = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        long start = System.nanoTime();
        runOpen(requests, ok, rate, duration, recorder, good, bad);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LoadResult(
                name + " @" + rate + "/s", good.get(), bad.get(), seconds, recorder.getIntervalHistogram());
    }

    private void runOpen(
            Supplier<HttpRequest> requests,
            IntPredicate ok,
            int rate,
            Duration duration,
            Recorder recorder,
            AtomicLong good,
            AtomicLong bad)
            throws InterruptedException {
        long period = 1_000_000_000L / rate;
        long count = duration.toNanos() / period;
        Semaphore inFlight = new Semaphore(2_000);
        long t0 = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = t0 + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                bad.incrementAndGet(); // the service is this far behind: count it as failed
                continue;
            }
            client.sendAsync(requests.get(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        recorder.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - due) / 1000));
                        (error == null && ok.test(response.statusCode()) ? good : bad).incrementAndGet();
                        inFlight.release();
                    });
        }
        inFlight.acquire(2_000);
        inFlight.release(2_000);
    }

    HttpResponse<String> get(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static Histogram empty() {
        return new Histogram(MAX_MICROS, 3);
    }
}

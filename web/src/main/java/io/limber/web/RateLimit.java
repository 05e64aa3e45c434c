package io.limber.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Limits the request rate of each caller: the token's subject once authenticated, the client
 * address for anonymous requests. Reads (GET, HEAD, OPTIONS) and writes have a bucket each.
 * Over the limit a request is answered 429 problem+json with a {@code Retry-After} before any
 * work is done for it; {@code /q/*} (health, metrics, OpenAPI) is never limited.
 *
 * <p>Each bucket is one {@code AtomicLong} (the generic cell rate algorithm: the time at which
 * the bucket is next full), so a request costs a cache look-up and a compare-and-set, on
 * whatever thread it arrives, I/O thread included. A bucket left idle long enough to refill is
 * no different from a new one, so it expires then; the cache is bounded besides, so many
 * distinct callers cannot grow it without end.
 */
@ApplicationScoped
public class RateLimit {

    private static final int MAX_CALLERS = 100_000;

    private final boolean enabled;
    private final Limit read;
    private final Limit write;
    private final Cache<String, AtomicLong> buckets;

    RateLimit(WebConfig.RateLimits limits) {
        this.enabled = limits.enabled();
        this.read = new Limit(limits.read().requestsPerSecond(), limits.read().burst());
        this.write =
                new Limit(limits.write().requestsPerSecond(), limits.write().burst());
        long refill = Math.max(read.refillNanos(), write.refillNanos());
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_CALLERS)
                .expireAfterAccess(Duration.ofNanos(Math.max(refill, TimeUnit.SECONDS.toNanos(1))))
                .build();
    }

    boolean enabled() {
        return enabled;
    }

    /** A route filter: {@link RouteFilters} places it. */
    void limit(RoutingContext rc) {
        if (rc.request().path().startsWith("/q/")) {
            rc.next();
            return;
        }
        HttpMethod method = rc.request().method();
        boolean reading = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        Limit limit = reading ? read : write;
        String caller = caller(rc);
        long now = System.nanoTime();
        AtomicLong bucket = buckets.get((reading ? "r " : "w ") + caller, key -> new AtomicLong(now));
        long waitNanos = limit.take(bucket, now);
        if (waitNanos == 0) {
            rc.next();
            return;
        }
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        RouteProblems.send(
                rc,
                CommonProblem.RATE_LIMITED,
                String.format(
                        "More than %s %s per second (%d at once) from %s; try again in %d s.",
                        BigDecimal.valueOf(limit.perSecond())
                                .stripTrailingZeros()
                                .toPlainString(),
                        reading ? "reads" : "writes",
                        limit.burst(),
                        caller.startsWith("address ") ? "this address" : "this caller",
                        seconds),
                Map.of("Retry-After", Long.toString(seconds)));
    }

    /** The token's subject, or the client address when no valid token came with the request. */
    static String caller(RoutingContext rc) {
        if (rc.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (!identity.isAnonymous()) {
                return "subject " + CurrentCaller.idOf(identity);
            }
        }
        SocketAddress address = rc.request().remoteAddress();
        return "address " + (address == null ? "unknown" : address.hostAddress());
    }

    /** A rate and how many requests may come at once; as GCRA intervals in nanoseconds. */
    record Limit(double perSecond, int burst, long intervalNanos, long toleranceNanos) {

        Limit(double perSecond, int burst) {
            this(perSecond, burst, interval(perSecond), interval(perSecond) * Math.max(1, burst));
        }

        private static long interval(double perSecond) {
            if (perSecond <= 0) {
                throw new IllegalArgumentException("limber.rate-limit requests-per-second must be positive");
            }
            return Math.max(1, Math.round(1e9 / perSecond));
        }

        long refillNanos() {
            return toleranceNanos;
        }

        /** Takes one request from the bucket: 0 when allowed, otherwise how long until it would be. */
        long take(AtomicLong fullAt, long now) {
            while (true) {
                long current = fullAt.get();
                long next = Math.max(current, now) + intervalNanos;
                long wait = next - toleranceNanos - now;
                if (wait > 0) {
                    return wait;
                }
                if (fullAt.compareAndSet(current, next)) {
                    return 0;
                }
            }
        }
    }
}

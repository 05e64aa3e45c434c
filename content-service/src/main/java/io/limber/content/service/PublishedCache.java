package io.limber.content.service;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.limber.content.config.CatalogConfig;

/**
 * Rendered published responses (bytes and ETag), kept briefly so hot reads skip the database,
 * JSON writing and hashing.
 *
 * <p>Emptied right after this replica commits a publish or retire. Another replica's publish is
 * seen within {@code limber.catalog.read-cache-ttl}, well inside the {@code max-age} the responses
 * already allow clients and shared caches.
 */
@ApplicationScoped
public class PublishedCache {

    /** Bounds memory when callers send endless distinct searches. */
    static final int MAX_ENTRIES = 10_000;

    /** @param language the Content-Language, or null when the resource is not negotiated */
    public record Rendered(byte[] body, String etag, String language) {}

    public record Body(byte[] bytes, String language) {}

    /** Null when the cache is turned off. */
    private final Cache<String, Rendered> held;

    private final AtomicLong generation = new AtomicLong();

    @Inject
    PublishedCache(CatalogConfig config) {
        this(config.readCacheTtl(), MAX_ENTRIES, ForkJoinPool.commonPool());
    }

    /** @param maintenance runs Caffeine's eviction; tests pass {@code Runnable::run} to see it at once */
    PublishedCache(Duration ttl, long maxEntries, Executor maintenance) {
        this.held = ttl.isNegative() || ttl.isZero()
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(maxEntries)
                        .expireAfterWrite(ttl)
                        .executor(maintenance)
                        .build();
    }

    /** @return the rendered response if it is held and fresh, else null (nothing is rendered) */
    public Rendered peek(String key) {
        return held == null ? null : held.getIfPresent(key);
    }

    /** @param render may throw (e.g. not found); nothing is kept then */
    public Rendered get(String key, Supplier<byte[]> render) {
        return getLocalized(key, () -> new Body(render.get(), null));
    }

    /** @param key must include what the language was chosen from (the Accept-Language header) */
    public Rendered getLocalized(String key, Supplier<Body> render) {
        Rendered hit = peek(key);
        if (hit != null) {
            return hit;
        }
        // Not Cache.get(key, loader): rendering reads the database, and a loader would hold
        // other readers of this key while it does.
        long before = generation.get();
        Body body = render.get();
        Rendered rendered = new Rendered(body.bytes(), EntityTags.ofBody(body.bytes()), body.language());
        if (held != null) {
            held.put(key, rendered);
            if (generation.get() != before) {
                held.invalidate(key); // a publish committed while this was rendered: it may be stale
            }
        }
        return rendered;
    }

    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
        generation.incrementAndGet();
        if (held != null) {
            held.invalidateAll();
        }
    }

    /** Fired inside a transaction that changes what readers see. */
    public record CatalogChanged(String type, UUID id) {}
}

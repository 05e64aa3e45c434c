package io.limber.content.service;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

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
    private static final int MAX_ENTRIES = 10_000;

    /** @param language the Content-Language, or null when the resource is not negotiated */
    public record Rendered(byte[] body, String etag, String language) {}

    public record Body(byte[] bytes, String language) {}

    private record Held(Rendered rendered, long expiresAt) {}

    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;

    PublishedCache(CatalogConfig config) {
        this.ttlNanos = config.readCacheTtl().toNanos();
    }

    /** @return the rendered response if it is held and fresh, else null (nothing is rendered) */
    public Rendered peek(String key) {
        Held hit = held.get(key);
        return hit != null && System.nanoTime() - hit.expiresAt < 0 ? hit.rendered : null;
    }

    /** @param render may throw (e.g. not found); nothing is kept then */
    public Rendered get(String key, Supplier<byte[]> render) {
        return getLocalized(key, () -> new Body(render.get(), null));
    }

    /** @param key must include what the language was chosen from (the Accept-Language header) */
    public Rendered getLocalized(String key, Supplier<Body> render) {
        long now = System.nanoTime();
        Held hit = held.get(key);
        if (hit != null && now - hit.expiresAt < 0) {
            return hit.rendered;
        }
        long before = generation.get();
        Body body = render.get();
        Rendered rendered = new Rendered(body.bytes(), EntityTags.ofBody(body.bytes()), body.language());
        if (ttlNanos > 0) {
            if (held.size() >= MAX_ENTRIES) {
                held.clear();
            }
            held.put(key, new Held(rendered, now + ttlNanos));
            if (generation.get() != before) {
                held.remove(key); // a publish committed while this was rendered: it may be stale
            }
        }
        return rendered;
    }

    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
        generation.incrementAndGet();
        held.clear();
    }

    /** Fired inside a transaction that changes what readers see. */
    public record CatalogChanged(String type, UUID id) {}
}

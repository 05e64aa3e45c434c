package io.limber.content.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedCacheTest {

    static final Duration TTL = Duration.ofMinutes(5);

    final AtomicInteger renders = new AtomicInteger();

    byte[] render(String text) {
        renders.incrementAndGet();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSecondReadIsServedWithoutRendering() {
        var cache = new PublishedCache(TTL, 10, Runnable::run);

        var first = cache.get("a", () -> render("one"));
        var second = cache.get("a", () -> render("two"));

        assertThat(second).isSameAs(first);
        assertThat(renders).hasValue(1);
        assertThat(cache.peek("a")).isSameAs(first);
    }

    @Test
    void aCommittedChangeEmptiesIt() {
        var cache = new PublishedCache(TTL, 10, Runnable::run);
        cache.get("a", () -> render("one"));

        cache.published(new PublishedCache.CatalogChanged("exercise", null));

        assertThat(cache.peek("a")).isNull();
        assertThat(new String(cache.get("a", () -> render("two")).body(), StandardCharsets.UTF_8))
                .isEqualTo("two");
    }

    @Test
    void whatWasRenderedWhileAChangeCommittedIsNotKept() {
        var cache = new PublishedCache(TTL, 10, Runnable::run);

        var rendered = cache.get("a", () -> {
            cache.published(new PublishedCache.CatalogChanged("exercise", null));
            return render("maybe stale");
        });

        assertThat(rendered.body()).isNotEmpty();
        assertThat(cache.peek("a")).isNull();
    }

    @Test
    void endlessDistinctKeysStayWithinTheBound() {
        var cache = new PublishedCache(TTL, 3, Runnable::run);

        for (int i = 0; i < 50; i++) {
            String key = "search-" + i;
            cache.get(key, () -> render(key));
        }

        long held = 0;
        for (int i = 0; i < 50; i++) {
            held += cache.peek("search-" + i) == null ? 0 : 1;
        }
        assertThat(held).isBetween(1L, 3L);
    }

    @Test
    void aZeroTtlKeepsNothing() {
        var cache = new PublishedCache(Duration.ZERO, 10, Runnable::run);

        cache.get("a", () -> render("one"));
        cache.get("a", () -> render("two"));

        assertThat(renders).hasValue(2);
        assertThat(cache.peek("a")).isNull();
    }
}

package io.limber.web;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Sets Vert.x's and RESTEasy's own body limit ({@code quarkus.http.limits.max-body-size}) to twice
 * {@code limber.http.max-body-size}, so a service names its limit once. Theirs must stay above
 * ours: it answers a bare 413 that, over HTTP/2, ends the whole connection, where
 * {@link BodySizeLimit} and {@link EntitySizeLimit} answer a problem first. Twice, not unbounded,
 * because it is also how much of a body without a length REST may hold before ours counts it.
 * At the lowest ordinal but one, so a service or the environment can still set it outright.
 */
public class BodySizeBackstop implements ConfigSourceFactory {

    static final String LIMIT = "limber.http.max-body-size";
    static final String BACKSTOP = "quarkus.http.limits.max-body-size";
    static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue limit = context.getValue(LIMIT);
        if (limit == null || limit.getValue() == null) {
            return List.of(); // Quarkus's own default stands
        }
        long bytes = new MemorySizeConverter().convert(limit.getValue()).asLongValue();
        return List.of(new PropertiesConfigSource(
                Map.of(BACKSTOP, Long.toString(2 * bytes)), BodySizeBackstop.class.getSimpleName(), ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}

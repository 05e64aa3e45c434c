package io.limber.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** A service names its body limit once; Vert.x's own is found from it, as ServiceLoader finds this factory. */
class BodySizeBackstopTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1K, 2048", "64K, 131072", "256K, 524288", "1M, 2097152", "1000, 2000"})
    void theBackstopIsTwiceTheLimit(String limit, long backstop) {
        SmallRyeConfig config = discovered(Map.of(BodySizeBackstop.LIMIT, limit));
        assertThat(config.getValue(BodySizeBackstop.BACKSTOP, Long.class)).isEqualTo(backstop);
    }

    @Test
    void aBackstopSetOutrightWins() {
        SmallRyeConfig config = discovered(Map.of(BodySizeBackstop.LIMIT, "1K", BodySizeBackstop.BACKSTOP, "4096"));
        assertThat(config.getValue(BodySizeBackstop.BACKSTOP, Long.class)).isEqualTo(4096);
    }

    @Test
    void withoutALimitThereIsNoBackstopOfOurs() {
        SmallRyeConfig config = discovered(Map.of());
        assertThat(config.getOptionalValue(BodySizeBackstop.BACKSTOP, String.class))
                .isEmpty();
    }

    /** The service's properties at application.properties' ordinal, and every discovered factory. */
    private static SmallRyeConfig discovered(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .addDiscoveredSources()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .build();
    }
}

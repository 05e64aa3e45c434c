package io.limber.messaging;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** Tracing is on exactly when an OTLP endpoint is configured, unless said otherwise. */
class TracingConfigInterceptorTest {

    @Test
    void withoutAnEndpointTheSdkIsDisabled() {
        assertThat(config(Map.of()).getRawValue("quarkus.otel.sdk.disabled")).isEqualTo("true");
        assertThat(config(Map.of("otel.exporter.otlp.endpoint", "")).getRawValue("quarkus.otel.sdk.disabled"))
                .isEqualTo("true");
    }

    @Test
    void theStandardVariableEnablesTracingAndNamesTheEndpoint() {
        SmallRyeConfig config = config(Map.of("otel.exporter.otlp.endpoint", "http://jaeger:4317"));
        assertThat(config.getRawValue("quarkus.otel.sdk.disabled")).isNull();
        assertThat(config.getRawValue("quarkus.otel.exporter.otlp.endpoint")).isEqualTo("http://jaeger:4317");
    }

    @Test
    void quarkusOwnEndpointPropertiesEnableTracing() {
        assertThat(config(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://c:4317"))
                        .getRawValue("quarkus.otel.sdk.disabled"))
                .isNull();
        assertThat(config(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://c:4317"))
                        .getRawValue("quarkus.otel.sdk.disabled"))
                .isNull();
    }

    @Test
    void anExplicitSettingWins() {
        assertThat(config(Map.of("quarkus.otel.sdk.disabled", "false")).getRawValue("quarkus.otel.sdk.disabled"))
                .isEqualTo("false");
        assertThat(config(Map.of("quarkus.otel.sdk.disabled", "true", "otel.exporter.otlp.endpoint", "http://c:4317"))
                        .getRawValue("quarkus.otel.sdk.disabled"))
                .isEqualTo("true");
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 300))
                .withInterceptors(new TracingConfigInterceptor())
                .build();
    }
}

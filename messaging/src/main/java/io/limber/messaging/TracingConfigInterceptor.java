package io.limber.messaging;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Tracing exports only where a collector was named. Quarkus would otherwise export to
 * {@code localhost:4317} and log a failed export every few seconds in tests and under
 * {@code ./limber}, where nothing listens.
 *
 * <ul>
 *   <li>{@code quarkus.otel.exporter.otlp.endpoint} falls back to the standard
 *       {@code OTEL_EXPORTER_OTLP_ENDPOINT}, which Quarkus does not read itself;
 *   <li>{@code quarkus.otel.sdk.disabled} defaults to true while neither that nor
 *       {@code quarkus.otel.exporter.otlp.traces.endpoint} is set. An explicit value wins, which is
 *       how a test traces without a collector.
 * </ul>
 *
 * <p>A disabled SDK also stops trace propagation, so the outbox then stores no trace context.
 */
public class TracingConfigInterceptor implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    static final String STANDARD_ENDPOINT = "otel.exporter.otlp.endpoint";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (ENDPOINT.equals(name) && !set(value)) {
            ConfigValue standard = context.proceed(STANDARD_ENDPOINT);
            return set(standard) ? standard.from().withName(ENDPOINT).build() : value;
        }
        if (SDK_DISABLED.equals(name) && !set(value) && !endpointSet(context)) {
            return ConfigValue.builder()
                    .withName(SDK_DISABLED)
                    .withValue("true")
                    .withConfigSourceName("TracingConfigInterceptor (no OTLP endpoint configured)")
                    .withConfigSourceOrdinal(Integer.MIN_VALUE + 1)
                    .build();
        }
        return value;
    }

    private static boolean endpointSet(ConfigSourceInterceptorContext context) {
        return set(context.proceed(ENDPOINT))
                || set(context.proceed(TRACES_ENDPOINT))
                || set(context.proceed(STANDARD_ENDPOINT));
    }

    /** Set by someone, not a built-in default (those come from the lowest-ordinal source). */
    private static boolean set(ConfigValue value) {
        return value != null
                && value.getValue() != null
                && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() > Integer.MIN_VALUE;
    }
}

package io.limber.infra.test;

import java.net.URL;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of a service's OpenAPI document, fuzzed (see {@link OpenApiFuzzer}) up to the
 * service's body size limit: never a 5xx, every refusal a problem, never a changed row. A
 * service's {@code @QuarkusTest} subclass sets up what the operations act on and names it.
 */
public abstract class OpenApiFuzzTestBase {

    @ConfigProperty(name = "limber.http.max-body-size")
    MemorySize maxBodySize;

    @TestHTTPResource("/")
    URL base;

    private final String service;

    /** @param service the service's name, for the report in the test's output */
    protected OpenApiFuzzTestBase(String service) {
        this.service = service;
    }

    /** The tokens, the parameters' values and bodies, and the rows that must not change. */
    protected abstract OpenApiFuzzer configure(OpenApiFuzzer fuzzer);

    @Test
    void noGeneratedRequestGetsA5xxOrChangesARow() {
        OpenApiFuzzer.Report report = configure(
                        OpenApiFuzzer.of(base.toString()).maxBodyBytes((int) maxBodySize.asLongValue()))
                .run();

        System.out.println(service + " OpenAPI fuzz: " + report);
        report.tolerated().forEach(t -> System.out.println("  tolerated " + t));
        assertThat(report.failures()).as(report.toString()).isEmpty();
    }
}

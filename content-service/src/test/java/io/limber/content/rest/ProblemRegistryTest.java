package io.limber.content.rest;

import org.junit.jupiter.api.Test;

import io.limber.content.service.ContentProblem;
import io.limber.infra.test.ProblemRegistry;
import io.limber.web.CommonProblem;
import io.limber.web.ProblemType;

import static org.assertj.core.api.Assertions.assertThat;

/** Every problem type this service can answer is in the registry, docs/problems.md, as the code states it. */
class ProblemRegistryTest {

    @Test
    void everyTypeIsDocumentedWithItsStatusAndMeaning() {
        var rows = ProblemType.declaredIn(CommonProblem.class, ContentProblem.class).stream()
                .map(ProblemType::registryRow);

        assertThat(ProblemRegistry.undocumented(rows.toList()))
                .as("rows missing from docs/problems.md")
                .isEmpty();
    }
}

package io.limber.reminder.rest;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.limber.infra.test.ProblemRegistry;
import io.limber.reminder.service.ReminderProblem;
import io.limber.web.CommonProblem;
import io.limber.web.ProblemType;

import static org.assertj.core.api.Assertions.assertThat;

/** Every problem type this service can answer is in the registry, docs/problems.md, as the code states it. */
class ProblemRegistryTest {

    private final List<ProblemType> types = Stream.of(CommonProblem.values(), ReminderProblem.values())
            .flatMap(Arrays::stream)
            .map(ProblemType.class::cast)
            .toList();

    @Test
    void everyTypeIsDocumentedWithItsStatusAndMeaning() {
        List<String> rows = types.stream()
                .map(type -> ProblemRegistry.row(type.uri().toString(), type.status(), type.meaning()))
                .toList();

        assertThat(ProblemRegistry.undocumented(rows))
                .as("rows missing from docs/problems.md")
                .isEmpty();
    }

    @Test
    void noTwoTypesShareAUri() {
        assertThat(types.stream().map(ProblemType::uri)).doesNotHaveDuplicates();
    }
}

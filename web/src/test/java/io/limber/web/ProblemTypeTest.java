package io.limber.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Problem types as the registry and every problem answer state them. */
class ProblemTypeTest {

    static final class TwoAlike {
        public static final ProblemType FIRST = new ProblemType("same", 400, "one");
        public static final ProblemType SECOND = new ProblemType("same", 409, "other");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "400, https://problems.limber.io/bad-request",
        "404, https://problems.limber.io/not-found",
        "413, https://problems.limber.io/body-too-large",
        "429, https://problems.limber.io/rate-limited",
        "503, https://problems.limber.io/overloaded"
    })
    void aProblemBuiltWithoutATypeGetsTheGeneralCommonTypeOfItsStatus(int status, String uri) {
        assertThat(CommonProblem.of(status))
                .get()
                .extracting(t -> t.uri().toString())
                .isEqualTo(uri);
    }

    @Test
    void aStatusWithTwoCommonTypesNeedsItsGeneralOneNamed() {
        ProblemType busy = new ProblemType("busy", 503, "Busy.");
        ProblemType down = new ProblemType("down", 503, "Down.");
        assertThat(CommonProblem.general(List.of(down, busy), Map.of(503, busy)))
                .containsEntry(503, busy);
        assertThatThrownBy(() -> CommonProblem.general(List.of(busy, down), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Status 503 has 2 common types");
        ProblemType other = new ProblemType("other", 503, "Other.");
        assertThatThrownBy(() -> CommonProblem.general(List.of(busy, down), Map.of(503, other)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStatusNoCommonTypeHasStaysUntyped() {
        assertThat(CommonProblem.of(418)).isEmpty();
    }

    @Test
    void aProblemCarriesTypeStatusTitleAndDetail() {
        var problem = CommonProblem.PRECONDITION_REQUIRED.problem("Send If-Match");

        assertThat(problem.getType()).hasToString("https://problems.limber.io/precondition-required");
        assertThat(problem.getStatusCode()).isEqualTo(428);
        assertThat(problem.getTitle()).isEqualTo("Precondition Required");
        assertThat(problem.getDetail()).isEqualTo("Send If-Match");
    }

    @Test
    void everyCommonTypeIsFoundAndItsRowNamesItsUriAndStatus() {
        var types = ProblemType.declaredIn(CommonProblem.class);

        assertThat(types).hasSizeGreaterThanOrEqualTo(16).contains(CommonProblem.DATABASE_UNAVAILABLE);
        assertThat(CommonProblem.RATE_LIMITED.registryRow())
                .startsWith("| `https://problems.limber.io/rate-limited` | 429 | ");
    }

    @Test
    void twoTypesWithOneSlugAreRefused() {
        assertThatThrownBy(() -> ProblemType.declaredIn(TwoAlike.class))
                .hasMessageContaining("https://problems.limber.io/same");
    }

    @Test
    void aStatusWithoutAReasonPhraseIsRefused() {
        assertThatThrownBy(() -> new ProblemType("teapot", 418, "no")).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.limber.session.domain;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a session shows was done, against the dose prescribed (docs/progression.md). */
class PerformedDoseTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        as prescribed                            | 2x12x- | both:12:-, both:12:-             | -
        more than prescribed: the dose stands    | 2x12x- | both:15:-, both:15:-, both:15:-  | -
        one set of two                           | 2x12x- | both:12:-                        | 1x12x-
        fewer reps in the second set             | 2x12x- | both:12:-, both:8:-              | 2x8x-
        one side short: the weaker side counts   | 2x10x- | left:10:-, right:10:-, left:10:- | 1x10x-
        both sides twice                         | 2x10x- | left:10:-, right:10:-, left:10:-, right:10:- | -
        a shorter hold                           | 1x-x30 | both:-:20                        | 1x-x20
        a set with nothing in it counts for none | 2x10x5 | both:10:5, both:0:0              | 1x10x5
        reps not recorded: the prescribed ones   | 2x10x5 | both:-:5                         | 1x10x5
        a short set with more reps: capped       | 2x12x- | both:20:-                        | 1x12x-
        """)
    void aSessionShortOfTheDoseGivesWhatWasDone(String rule, String prescribed, String sets, String expected) {
        List<PerformedDose.Set> recorded = new ArrayList<>();
        for (String set : sets.split(",")) {
            String[] p = set.trim().split(":");
            recorded.add(new PerformedDose.Set(p[0], value(p[1]), value(p[2])));
        }
        assertThat(PerformedDose.shortOf(dose(prescribed), recorded).orElse(null))
                .as(rule)
                .isEqualTo(expected.equals("-") ? null : dose(expected));
    }

    private static Dosage dose(String text) {
        String[] parts = text.trim().split("x");
        return new Dosage(Integer.parseInt(parts[0]), value(parts[1]), value(parts[2]));
    }

    private static Integer value(String part) {
        return part.equals("-") ? null : Integer.valueOf(part);
    }
}

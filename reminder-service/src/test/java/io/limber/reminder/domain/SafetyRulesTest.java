package io.limber.reminder.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How a tolerance report reads for safety; a zone not known is the cautious stop. */
class SafetyRulesTest {

    @ParameterizedTest(name = "zone {0}, exerciseState {1}, memberPaused {2}: stops {3}, pauses {4}")
    @CsvSource(
            nullValues = "null",
            value = {
                "sweet-spot, active, false, false, false",
                "hold, null, null, false, false",
                "scale-back, active, false, false, false",
                "stop, stopped, false, true, false",
                "stop, null, null, true, false",
                "urgent, stopped, true, true, true",
                "urgent, null, null, true, true",
                "flare-up, null, null, true, false", // a zone added later and not known here
                "null, null, null, true, false",
                "hold, stopped, false, true, false", // the producer's word for the exercise wins
                "hold, active, true, false, true",
            })
    void aReportStopsTheExerciseAndPausesTheMember(
            String zone, String exerciseState, Boolean memberPaused, boolean stops, boolean pauses) {
        assertThat(SafetyRules.stopsExercise(zone, exerciseState)).isEqualTo(stops);
        assertThat(SafetyRules.pausesMember(zone, memberPaused)).isEqualTo(pauses);
    }

    @ParameterizedTest
    @CsvSource({"stretch, true", "mobility, true", "movement-break, true", "strengthen, false", "plyometric, false"})
    void onlyKnownGentleKindsAreGentle(String kind, boolean gentle) {
        assertThat(SafetyRules.gentleKind(kind)).isEqualTo(gentle);
    }
}

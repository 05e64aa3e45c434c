package io.limber.session.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.limber.events.session.RedFlag;
import io.limber.session.config.ToleranceConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier's safety rules as a pure function: every combination of pain before, during and
 * after (0-10), sharp or new pain, and each red flag (or none).
 */
class ToleranceClassifierTest {

    static final ToleranceConfig DEFAULTS = new ToleranceConfig() {
        @Override
        public int sweetSpotMax() {
            return 3;
        }

        @Override
        public int acceptableMax() {
            return 5;
        }

        @Override
        public int stopAt() {
            return 8;
        }

        @Override
        public int settledMargin() {
            return 0;
        }

        @Override
        public Duration morningTrendWindow() {
            return Duration.ofDays(7);
        }

        @Override
        public int meaningfulChange() {
            return 2;
        }

        @Override
        public int holdStepSeconds() {
            return 5;
        }

        @Override
        public int maxStepIncreasePercent() {
            return 25;
        }

        @Override
        public LocalTime checkInOpensAt() {
            return LocalTime.of(4, 0);
        }

        @Override
        public int checkInDays() {
            return 2;
        }
    };

    private static final DosageRange RANGE = new DosageRange(new Dosage(1, 4, 2), new Dosage(3, 12, 10));
    private static final Dosage DOSE = new Dosage(2, 8, 5);
    private final ToleranceClassifier classifier = new ToleranceClassifier(DEFAULTS);

    @Test
    void everyPainAtTheStopThresholdStopsAndEveryRedFlagIsUrgent() {
        List<Set<RedFlag>> flagOptions = new ArrayList<>();
        flagOptions.add(Set.of());
        for (RedFlag flag : RedFlag.values()) {
            flagOptions.add(Set.of(flag));
        }
        int combinations = 0;
        for (int before = 0; before <= 10; before++) {
            for (int during = 0; during <= 10; during++) {
                for (int after = 0; after <= 10; after++) {
                    for (boolean sharp : new boolean[] {false, true}) {
                        for (Set<RedFlag> flags : flagOptions) {
                            ToleranceClassifier.Pain pain =
                                    new ToleranceClassifier.Pain(before, during, after, null, sharp, flags);
                            var result = classifier.classify(
                                    pain, List.of(), false, false, false, DOSE, null, RANGE, "Clocks");
                            String what = pain + " -> " + result;
                            boolean atStop = Math.max(before, Math.max(during, after)) >= DEFAULTS.stopAt();
                            if (!flags.isEmpty()) {
                                assertThat(result.zone()).as(what).isEqualTo(Zone.URGENT);
                            } else if (atStop || sharp) {
                                assertThat(result.zone()).as(what).isEqualTo(Zone.STOP);
                            } else {
                                assertThat(result.zone().stops()).as(what).isFalse();
                                assertThat(result.dosage()).as(what).isNotNull();
                            }
                            if (result.zone().stops()) {
                                assertThat(result.dosage())
                                        .as("no dose to do: " + what)
                                        .isNull();
                                assertThat(result.raisesFlag())
                                        .as("a clinician sees it: " + what)
                                        .isTrue();
                            }
                            combinations++;
                        }
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(11 * 11 * 11 * 2 * 7);
    }

    @ParameterizedTest(name = "before {0}, during {1}, after {2}: {3}")
    @CsvSource({
        "9, 2, 2, stop", // the case: pain before the session at the threshold stops, not hold
        "8, 0, 0, stop",
        "7, 2, 2, hold", // below the threshold before the session: no morning yet, hold
        "0, 8, 0, stop",
        "0, 0, 8, stop",
        "0, 6, 0, scale-back",
        "0, 3, 3, hold"
    })
    void painBeforeTheSessionCountsLikePainDuringAndAfter(int before, int during, int after, String zone) {
        var result = classifier.classify(
                new ToleranceClassifier.Pain(before, during, after, null, false),
                List.of(),
                false,
                false,
                false,
                DOSE,
                null,
                RANGE,
                "Clocks");
        assertThat(result.zone().wireName()).isEqualTo(zone);
    }

    @Test
    void anUrgentAnswerSaysStopAndGetUrgentCareNamingTheSymptoms() {
        var result = classifier.classify(
                new ToleranceClassifier.Pain(
                        1, 2, 2, null, false, EnumSet.of(RedFlag.SHORTNESS_OF_BREATH, RedFlag.CHEST_PAIN)),
                List.of(),
                false,
                false,
                false,
                DOSE,
                null,
                RANGE,
                "Scapular clocks");
        assertThat(result.zone()).isEqualTo(Zone.URGENT);
        assertThat(result.reason())
                .startsWith("Chest pain or pressure and shortness of breath reported with Scapular clocks.")
                .contains("Stop exercising now")
                .contains("emergency number")
                .contains("paused until a clinician has reviewed");
    }

    @Test
    void aPausedMemberOrAStoppedExerciseStopsWithoutANewFlag() {
        ToleranceClassifier.Pain comfortable = new ToleranceClassifier.Pain(1, 2, 2, 1, false);
        var paused = classifier.classify(comfortable, List.of(), false, true, false, DOSE, null, RANGE, "Clocks");
        assertThat(paused.zone()).isEqualTo(Zone.STOP);
        assertThat(paused.raisesFlag()).isFalse();
        assertThat(paused.reason()).contains("paused until a clinician has reviewed");

        var stopped = classifier.classify(comfortable, List.of(), true, false, false, DOSE, null, RANGE, "Clocks");
        assertThat(stopped.zone()).isEqualTo(Zone.STOP);
        assertThat(stopped.raisesFlag()).isFalse();

        var flagged = classifier.classify(
                new ToleranceClassifier.Pain(1, 2, 2, 1, false, Set.of(RedFlag.NIGHT_PAIN)),
                List.of(),
                true,
                true,
                false,
                DOSE,
                null,
                RANGE,
                "Clocks");
        assertThat(flagged.zone())
                .as("a new red flag is urgent whatever the state")
                .isEqualTo(Zone.URGENT);
        assertThat(flagged.raisesFlag()).isTrue();
    }

    /** A flare returns to the last dose that settled when it is less; otherwise one step down. */
    @ParameterizedTest(name = "last settled {0}: scale back to {1}")
    @CsvSource(delimiter = '|', textBlock = """
        1x8x5  | 1x8x5
        2x8x5  | 2x7x5
        3x8x5  | 2x7x5
        -      | 2x7x5
        1x2x1  | 1x4x2
        """)
    void scaleBackReturnsToTheLastSettledDoseWhenItIsLess(String lastSettled, String expected) {
        Dosage tolerated = lastSettled.equals("-") ? null : dose(lastSettled);
        for (ToleranceClassifier.Pain flare : List.of(
                new ToleranceClassifier.Pain(1, 7, 2, null, false), // during above 5/10
                new ToleranceClassifier.Pain(1, 2, 2, 4, false))) { // not settled by morning
            var result = classifier.classify(flare, List.of(), false, false, false, DOSE, tolerated, RANGE, "Clocks");
            assertThat(result.zone()).as(flare.toString()).isEqualTo(Zone.SCALE_BACK);
            assertThat(result.dosage()).as(flare.toString()).isEqualTo(dose(expected));
            if (tolerated != null && dose(expected).equals(RANGE.clamp(tolerated))) {
                assertThat(result.reason()).contains("the last dose that settled");
            }
        }
    }

    /**
     * Morning pain or stiffness at least 2 points above its lowest in the window scales back;
     * values oldest first, the last the check-in just made; "-" a missing stiffness.
     */
    @ParameterizedTest(name = "pain {0}, stiffness {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        2 5 5   | 1 1 1   | scale-back
        1 2 3   | 0 0 0   | scale-back
        1 2     | 0 0     | sweet-spot
        3 2 1   | 0 0 0   | sweet-spot
        5 1 2   | 0 0 0   | sweet-spot
        5 1 3   | 0 0 0   | scale-back
        1 1 1   | 1 2 3   | scale-back
        1 1 1   | 3 1 2   | sweet-spot
        1 1 1   | - - 3   | sweet-spot
        1 1 1   | 0 - 2   | scale-back
        2       | 0       | sweet-spot
        """)
    void risingMorningPainOrStiffnessByTwoPointsScalesBack(String pains, String stiffnesses, String zone) {
        String[] p = pains.trim().split(" ");
        String[] st = stiffnesses.trim().split(" ");
        List<ToleranceClassifier.Morning> mornings = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            mornings.add(new ToleranceClassifier.Morning(
                    Integer.valueOf(p[i]), st[i].equals("-") ? null : Integer.valueOf(st[i])));
        }
        int latestMorning = mornings.get(mornings.size() - 1).pain();
        // Pain before the session at 5: each morning settles against it on its own.
        var result = classifier.classify(
                new ToleranceClassifier.Pain(5, 2, 2, latestMorning, false),
                mornings,
                false,
                false,
                false,
                DOSE,
                null,
                RANGE,
                "Clocks");
        assertThat(result.zone().wireName()).as(result.reason()).isEqualTo(zone);
        if (zone.equals("scale-back")) {
            assertThat(result.reason()).contains("has been rising").contains("or more is a real change");
        }
    }

    private static Dosage dose(String text) {
        String[] parts = text.split("x");
        return new Dosage(Integer.parseInt(parts[0]), Integer.valueOf(parts[1]), Integer.valueOf(parts[2]));
    }

    @ParameterizedTest(name = "already stepped up today {0}: {1} -> {2}")
    @CsvSource({
        "false, 2x8x5,  2x9x5", // the sweet spot steps up
        "true,  2x8x5,  2x8x5", // a second sweet spot the same local day holds
        "true,  3x12x10, 3x12x10", // at the top either way
    })
    void theSweetSpotStepsUpAtMostOnceALocalDay(boolean steppedUpToday, String from, String to) {
        var result = classifier.classify(
                new ToleranceClassifier.Pain(1, 2, 2, 0, false),
                List.of(),
                false,
                false,
                steppedUpToday,
                dose(from),
                null,
                RANGE,
                "Clocks");
        assertThat(result.zone()).isEqualTo(Zone.SWEET_SPOT);
        assertThat(result.dosage()).isEqualTo(dose(to));
        if (steppedUpToday && !from.equals("3x12x10")) {
            assertThat(result.reason()).contains("already stepped up today").contains("at most once a day");
        }
    }

    @Test
    void aDayThatAlreadySteppedUpNeverStepsAgainWhateverThePain() {
        // Property: with a step already made today, no report of any pain raises the volume.
        for (int before = 0; before <= 10; before++) {
            for (int during = 0; during <= 10; during++) {
                for (int after = 0; after <= 10; after++) {
                    for (int morning = 0; morning <= 10; morning++) {
                        var result = classifier.classify(
                                new ToleranceClassifier.Pain(before, during, after, morning, false),
                                List.of(new ToleranceClassifier.Morning(morning, 0)),
                                false,
                                false,
                                true,
                                DOSE,
                                null,
                                RANGE,
                                "Clocks");
                        if (result.dosage() != null) {
                            assertThat(result.dosage().volume())
                                    .as(result.reason())
                                    .isLessThanOrEqualTo(DOSE.volume());
                        }
                    }
                }
            }
        }
    }
}

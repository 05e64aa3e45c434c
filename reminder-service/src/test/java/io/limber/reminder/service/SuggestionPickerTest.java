package io.limber.reminder.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.limber.events.prompt.PromptDue;
import io.limber.reminder.domain.Preferences;
import io.limber.reminder.model.CatalogExercise;
import io.limber.reminder.model.MemberDosage;

import static org.assertj.core.api.Assertions.assertThat;

/** The picker's rules on their own, no Quarkus: fit, safety, gentle mode, the fallback, rotation. */
class SuggestionPickerTest {

    // A catalog shaped like the seed: desk breaks, a band exercise in no desk-break program, movement breaks.
    private static final CatalogExercise CHEST =
            exercise("standing-chest-stretch", "stretch", "standing", "wall", true);
    private static final CatalogExercise CAT_COW = exercise("seated-cat-cow", "stretch", "seated", "chair", true);
    private static final CatalogExercise CLOCKS = exercise("scapular-clocks", "mobility", "standing", "", true);
    private static final CatalogExercise PUSH_UP = exercise("wall-push-up", "strengthen", "standing", "wall", true);
    private static final CatalogExercise CURL = exercise("desk-curl", "isometric-hold", "seated", "", true);
    private static final CatalogExercise ROW =
            exercise("band-row", "strengthen", "standing", "resistance-band,door-anchor", false);
    private static final CatalogExercise WALK = exercise("stand-up-and-walk", "movement-break", "standing", "", false);
    private static final CatalogExercise ROLLS =
            exercise("look-away-and-roll-the-shoulders", "movement-break", "seated", "", false);
    private static final List<CatalogExercise> CATALOG =
            sorted(CHEST, CAT_COW, CLOCKS, PUSH_UP, CURL, ROW, WALK, ROLLS);

    private final SuggestionPicker picker = new SuggestionPicker();

    static Stream<Arguments> cases() {
        SafetyState none = SafetyState.NONE;
        SafetyState clocksStopped = new SafetyState(Set.of(CLOCKS.id), true);
        SafetyState gentle = new SafetyState(Set.of(), true);
        return Stream.of(
                // equipment, positions, safety, what may be suggested (exercises and movement breaks in turn)
                Arguments.of(Set.of(), Set.of("standing"), none, Set.of(CLOCKS, WALK)),
                Arguments.of(Set.of(), Set.of("standing"), clocksStopped, Set.of(WALK)),
                Arguments.of(Set.of(), Set.of("seated"), none, Set.of(CURL, ROLLS)),
                Arguments.of(Set.of(), Set.of("seated"), gentle, Set.of(ROLLS)), // a kind not known is not gentle
                Arguments.of(Set.of("chair"), Set.of("seated"), clocksStopped, Set.of(CAT_COW, ROLLS)),
                Arguments.of(Set.of("wall"), Set.of("standing"), none, Set.of(CHEST, CLOCKS, PUSH_UP, WALK)),
                Arguments.of(Set.of("wall"), Set.of("standing"), gentle, Set.of(CHEST, CLOCKS, WALK)),
                Arguments.of(Set.of("wall"), Set.of("standing"), clocksStopped, Set.of(CHEST, WALK)),
                Arguments.of(Set.of("resistance-band", "door-anchor"), Set.of("standing"), clocksStopped, Set.of(WALK)),
                Arguments.of(Set.of("yoga-mat", "pillow"), Set.of("lying"), none, Set.of()),
                Arguments.of(
                        Set.of(),
                        Set.of("seated", "standing"),
                        new SafetyState(Set.of(CLOCKS.id, WALK.id, ROLLS.id), true),
                        Set.of()), // even the movement breaks are stopped: no suggestion, never a guess
                Arguments.of(
                        Set.of(), Set.of("standing"), new SafetyState(Set.of(CLOCKS.id, WALK.id), true), Set.of()));
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @MethodSource("cases")
    void suggestsOnlyWhatFitsAndIsSafe(
            Set<String> equipment, Set<String> positions, SafetyState safety, Set<CatalogExercise> allowed) {
        Preferences prefs = prefs(equipment, positions);
        SuggestionPicker.Recent recent = SuggestionPicker.Recent.NONE;
        // Every pick in two full rotations is among the allowed ones, and all of them come.
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (int i = 0; i <= 2 * CATALOG.size(); i++) {
            SuggestionPicker.Pick pick = picker.pick(prefs, safety, recent, CATALOG, Map.of());
            PromptDue.Suggestion s = pick.suggestion();
            if (allowed.isEmpty()) {
                assertThat(s).isNull();
                return;
            }
            assertThat(s).isNotNull();
            assertThat(allowed).extracting(e -> e.id).contains(s.exerciseId());
            assertThat(safety.stopped()).doesNotContain(s.exerciseId());
            seen.add(s.exerciseId());
            recent = pick.recent();
        }
        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(
                        allowed.stream().map(e -> e.id).toList());
    }

    @Test
    void neverTheSameTwiceInARowWhileThereIsAnother() {
        Preferences prefs = prefs(Set.of("wall"), Set.of("standing"));
        UUID last = null;
        SuggestionPicker.Recent recent = SuggestionPicker.Recent.NONE;
        for (int i = 0; i < 6; i++) {
            SuggestionPicker.Pick pick = picker.pick(prefs, SafetyState.NONE, recent, CATALOG, Map.of());
            UUID next = pick.suggestion().exerciseId();
            assertThat(next).isNotEqualTo(last);
            last = next;
            recent = pick.recent();
        }
    }

    /** "Think full body": an exercise first, then a movement break, in turn, each kind rotating on its own. */
    @Test
    void promptsAlternateBetweenDeskBreakExercisesAndMovementBreaks() {
        Preferences prefs = prefs(Set.of("wall"), Set.of("standing", "seated"));
        SuggestionPicker.Recent recent = SuggestionPicker.Recent.NONE;
        List<UUID> suggested = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            SuggestionPicker.Pick pick = picker.pick(prefs, SafetyState.NONE, recent, CATALOG, Map.of());
            suggested.add(pick.suggestion().exerciseId());
            recent = pick.recent();
        }
        // Fitting, in slug order: exercises CURL, CLOCKS, CHEST, PUSH_UP; movement breaks ROLLS, WALK.
        assertThat(suggested)
                .containsExactly(CURL.id, ROLLS.id, CLOCKS.id, WALK.id, CHEST.id, ROLLS.id, PUSH_UP.id, WALK.id);
    }

    @Test
    void whenNothingOfTheKindWhoseTurnItIsFitsTheOtherKindComes() {
        Preferences prefs = prefs(Set.of(), Set.of("standing"));
        SafetyState breaksStopped = new SafetyState(Set.of(WALK.id, ROLLS.id), false);
        SuggestionPicker.Recent afterAnExercise = new SuggestionPicker.Recent(CLOCKS.id, null, false);
        assertThat(picker.pick(prefs, breaksStopped, afterAnExercise, CATALOG, Map.of())
                        .suggestion()
                        .exerciseId())
                .isEqualTo(CLOCKS.id); // the only one that fits, again rather than nothing
    }

    /**
     * The prompt's dose (the desk-break item's: 1 x 5, 3 s here) is the most a prompt suggests; the
     * member's recommendation lowers it figure by figure, never raises it.
     */
    @ParameterizedTest(name = "recommended {0} x {1}, {2} s -> {3} x {4}, {5} s")
    @CsvSource(
            nullValues = "-",
            value = {
                "3, 9, 5, 1, 5, 3", // a full session's progression: the prompt stays a desk break
                "1, 3, 2, 1, 3, 2", // scaled back below the desk dose: the member's
                "1, 8, 2, 1, 5, 2", // more reps but a shorter hold: each figure at most the prompt's
                "1, -, -, 1, 5, 3" // a recommendation without reps or hold leaves the prompt's
            })
    void theMembersRecommendationLowersThePromptsDoseAndNeverRaisesIt(
            int sets, Integer reps, Integer hold, int expectedSets, Integer expectedReps, Integer expectedHold) {
        MemberDosage dosage = new MemberDosage();
        dosage.sets = sets;
        dosage.reps = reps;
        dosage.holdSeconds = hold;
        PromptDue.Suggestion mine = picker.pick(
                        prefs(Set.of(), Set.of("standing")),
                        SafetyState.NONE,
                        SuggestionPicker.Recent.NONE,
                        CATALOG,
                        Map.of(CLOCKS.id, dosage))
                .suggestion();

        assertThat(mine.exerciseId()).isEqualTo(CLOCKS.id);
        assertThat(mine)
                .extracting("sets", "reps", "holdSeconds")
                .containsExactly(expectedSets, expectedReps, expectedHold);
    }

    @Test
    void withoutARecommendationThePromptsOwnDoseIsSuggested() {
        PromptDue.Suggestion fallback = picker.pick(
                        prefs(Set.of(), Set.of("standing")),
                        new SafetyState(Set.of(CLOCKS.id), true),
                        SuggestionPicker.Recent.NONE,
                        CATALOG,
                        Map.of())
                .suggestion();

        assertThat(fallback.exerciseId()).isEqualTo(WALK.id);
        assertThat(fallback).extracting("sets", "reps", "holdSeconds").containsExactly(1, null, 120);
    }

    @Test
    void aSnoozedSuggestionStaysOnlyWhileItIsSafe() {
        assertThat(picker.stillSafe(CLOCKS.id, CLOCKS, SafetyState.NONE)).isTrue();
        assertThat(picker.stillSafe(CLOCKS.id, CLOCKS, new SafetyState(Set.of(CLOCKS.id), true)))
                .isFalse();
        assertThat(picker.stillSafe(PUSH_UP.id, PUSH_UP, new SafetyState(Set.of(), true)))
                .isFalse();
        assertThat(picker.stillSafe(CHEST.id, CHEST, new SafetyState(Set.of(), true)))
                .isTrue();
        assertThat(picker.stillSafe(CHEST.id, null, new SafetyState(Set.of(), true)))
                .as("retired since: its kind is not known any more")
                .isFalse();
    }

    private static Preferences prefs(Set<String> equipment, Set<String> positions) {
        Preferences d = Preferences.defaults();
        return new Preferences(
                d.timeZone(),
                d.workingDays(),
                d.workingWindows(),
                d.intervalMinutes(),
                d.quietPeriods(),
                d.doNotDisturbUntil(),
                d.dailyCap(),
                equipment,
                positions,
                d.channels(),
                d.webhook(),
                d.enabled());
    }

    private static CatalogExercise exercise(
            String slug, String kind, String position, String equipment, boolean deskBreak) {
        CatalogExercise e = new CatalogExercise();
        e.id = UUID.nameUUIDFromBytes(slug.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        e.slug = slug;
        e.name = slug;
        e.kind = kind;
        e.position = position;
        e.equipment = equipment;
        e.deskBreak = deskBreak;
        e.sets = 1;
        e.reps = kind.equals("movement-break") && position.equals("standing") ? null : 5;
        e.holdSeconds = kind.equals("movement-break") && position.equals("standing") ? 120 : 3;
        return e;
    }

    private static List<CatalogExercise> sorted(CatalogExercise... exercises) {
        return Stream.of(exercises)
                .sorted(java.util.Comparator.comparing((CatalogExercise e) -> e.slug))
                .toList();
    }
}

package io.limber.reminder.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.events.prompt.PromptDue;
import io.limber.reminder.domain.Preferences;
import io.limber.reminder.domain.SafetyRules;
import io.limber.reminder.model.CatalogExercise;
import io.limber.reminder.model.MemberDosage;

/**
 * Chooses the exercise a prompt suggests, from the local catalog read model: desk-break exercises
 * and plain movement breaks in turn, of those that fit the member, else nothing. Never an exercise
 * stopped for the member, and only gentle kinds while the member should go gently. The dose is the
 * desk-break program item's, lowered to the member's recommendation where that is smaller.
 */
@ApplicationScoped
public class SuggestionPicker {

    static final String MOVEMENT_BREAK = "movement-break";

    /**
     * What a member was last suggested of each kind, and which kind came last.
     *
     * @param lastExercise the last desk-break exercise, null if none yet
     * @param lastMovementBreak the last movement break, null if none yet
     */
    public record Recent(UUID lastExercise, UUID lastMovementBreak, boolean lastWasMovementBreak) {

        public static final Recent NONE = new Recent(null, null, false);

        Recent after(CatalogExercise chosen) {
            return movementBreak(chosen)
                    ? new Recent(lastExercise, chosen.id, true)
                    : new Recent(chosen.id, lastMovementBreak, false);
        }
    }

    /** @param suggestion null when nothing fits; then {@code recent} is as it was */
    public record Pick(PromptDue.Suggestion suggestion, Recent recent) {}

    /**
     * Alternates between a desk-break exercise and a plain movement break (stand and walk, look
     * away and roll the shoulders), the article's "think full body": an exercise first, then a
     * movement break, and so on; when nothing of the kind whose turn it is fits, the other kind.
     * Within each kind, the next fitting one after the last of that kind, in the catalog's stable
     * order, so the same one never comes twice in a row while there is another.
     *
     * @param catalog the desk-break exercises and the movement breaks, sorted (one read per
     *     dispatch batch); a movement break need not be in any desk-break program
     * @param dosages the member's latest recommended dosage per exercise
     */
    public Pick pick(
            Preferences prefs,
            SafetyState safety,
            Recent recent,
            List<CatalogExercise> catalog,
            Map<UUID, MemberDosage> dosages) {
        List<CatalogExercise> exercises = catalog.stream()
                .filter(e -> e.deskBreak && !movementBreak(e))
                .filter(e -> allowed(e, prefs, safety))
                .toList();
        List<CatalogExercise> breaks = catalog.stream()
                .filter(SuggestionPicker::movementBreak)
                .filter(e -> allowed(e, prefs, safety))
                .toList();
        boolean breakTurn = !recent.lastWasMovementBreak() && recent.lastExercise() != null;
        if (breakTurn ? breaks.isEmpty() : exercises.isEmpty()) {
            breakTurn = !breakTurn;
        }
        List<CatalogExercise> fitting = breakTurn ? breaks : exercises;
        if (fitting.isEmpty()) {
            return new Pick(null, recent);
        }
        UUID lastOfKind = breakTurn ? recent.lastMovementBreak() : recent.lastExercise();
        int last = -1;
        for (int i = 0; i < fitting.size(); i++) {
            if (fitting.get(i).id.equals(lastOfKind)) {
                last = i;
            }
        }
        CatalogExercise chosen = fitting.get((last + 1) % fitting.size());
        return new Pick(suggestion(chosen, dosages.get(chosen.id)), recent.after(chosen));
    }

    private static PromptDue.Suggestion suggestion(CatalogExercise chosen, MemberDosage dosage) {
        return dosage != null
                ? new PromptDue.Suggestion(
                        chosen.id,
                        chosen.slug,
                        chosen.name,
                        Math.min(dosage.sets, chosen.sets),
                        atMost(dosage.reps, chosen.reps),
                        atMost(dosage.holdSeconds, chosen.holdSeconds))
                : new PromptDue.Suggestion(
                        chosen.id, chosen.slug, chosen.name, chosen.sets, chosen.reps, chosen.holdSeconds);
    }

    /**
     * The member's own figure, but never above the prompt's: a prompt is a short desk break, so a
     * recommendation (made for a full session) may lower its dose, never raise it.
     */
    static Integer atMost(Integer member, Integer prompt) {
        if (member == null || prompt == null) {
            return prompt;
        }
        return Math.min(member, prompt);
    }

    /**
     * Whether an exercise already suggested (a snoozed prompt coming again) may still be: not
     * stopped since, and gentle enough if the member should now go gently.
     *
     * @param exercise its read model row; null once retired
     */
    public boolean stillSafe(UUID exerciseId, CatalogExercise exercise, SafetyState safety) {
        return !safety.stopped().contains(exerciseId)
                && (!safety.gentle() || (exercise != null && SafetyRules.gentleKind(exercise.kind)));
    }

    static boolean movementBreak(CatalogExercise exercise) {
        return MOVEMENT_BREAK.equals(exercise.kind);
    }

    static boolean allowed(CatalogExercise exercise, Preferences prefs, SafetyState safety) {
        return fits(exercise, prefs)
                && !safety.stopped().contains(exercise.id)
                && (!safety.gentle() || SafetyRules.gentleKind(exercise.kind));
    }

    static boolean fits(CatalogExercise exercise, Preferences prefs) {
        return prefs.equipment().containsAll(exercise.equipmentNeeded())
                && (exercise.position == null || prefs.positions().contains(exercise.position));
    }
}

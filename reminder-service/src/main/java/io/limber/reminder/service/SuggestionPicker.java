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
 * Chooses the exercise a prompt suggests, from the local catalog read model: a desk-break exercise
 * that fits the member, else a plain movement break that does, else nothing. Never an exercise
 * stopped for the member, and only gentle kinds while the member should go gently. The dose is the
 * desk-break program item's, lowered to the member's recommendation where that is smaller.
 */
@ApplicationScoped
public class SuggestionPicker {

    static final String MOVEMENT_BREAK = "movement-break";

    /**
     * The next fitting exercise after the last one suggested, in the catalog's stable order, so
     * the same one never comes twice in a row while there is another.
     *
     * @param catalog the desk-break exercises and the movement breaks, sorted (one read per
     *     dispatch batch); a movement break need not be in any desk-break program
     * @param dosages the member's latest recommended dosage per exercise
     * @return null when nothing in the catalog fits the member and is safe for them
     */
    public PromptDue.Suggestion pick(
            Preferences prefs,
            SafetyState safety,
            UUID lastExerciseId,
            List<CatalogExercise> catalog,
            Map<UUID, MemberDosage> dosages) {
        List<CatalogExercise> fitting = catalog.stream()
                .filter(e -> e.deskBreak)
                .filter(e -> allowed(e, prefs, safety))
                .toList();
        if (fitting.isEmpty()) {
            fitting = catalog.stream()
                    .filter(e -> MOVEMENT_BREAK.equals(e.kind))
                    .filter(e -> allowed(e, prefs, safety))
                    .toList();
        }
        if (fitting.isEmpty()) {
            return null;
        }
        int last = -1;
        for (int i = 0; i < fitting.size(); i++) {
            if (fitting.get(i).id.equals(lastExerciseId)) {
                last = i;
            }
        }
        CatalogExercise chosen = fitting.get((last + 1) % fitting.size());
        MemberDosage dosage = dosages.get(chosen.id);
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

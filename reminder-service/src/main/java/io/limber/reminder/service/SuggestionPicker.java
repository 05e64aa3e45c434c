package io.limber.reminder.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.events.prompt.PromptDue;
import io.limber.reminder.domain.Preferences;
import io.limber.reminder.model.CatalogExercise;
import io.limber.reminder.model.MemberDosage;

/** Chooses the exercise a prompt suggests, from the local catalog read model. */
@ApplicationScoped
public class SuggestionPicker {

    /** Kinds that load the body; after a scale-back or stop report only the others are suggested. */
    private static final Set<String> DEMANDING_KINDS = Set.of("strengthen");

    /**
     * The next fitting desk-break exercise after the last one suggested, in the catalog's stable
     * order, so the same one never comes twice in a row while there is another.
     *
     * @param deskBreaks the desk-break exercises, sorted (one read per dispatch batch)
     * @param dosages the member's latest recommended dosage per exercise
     * @return null when nothing in the catalog fits the member
     */
    public PromptDue.Suggestion pick(
            Preferences prefs,
            boolean gentle,
            UUID lastExerciseId,
            List<CatalogExercise> deskBreaks,
            Map<UUID, MemberDosage> dosages) {
        List<CatalogExercise> fitting = deskBreaks.stream()
                .filter(e -> fits(e, prefs))
                .filter(e -> !gentle || !DEMANDING_KINDS.contains(e.kind))
                .toList();
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
                ? suggestion(chosen, dosage)
                : new PromptDue.Suggestion(
                        chosen.id, chosen.slug, chosen.name, chosen.sets, chosen.reps, chosen.holdSeconds);
    }

    static boolean fits(CatalogExercise exercise, Preferences prefs) {
        return prefs.equipment().containsAll(exercise.equipmentNeeded())
                && (exercise.position == null || prefs.positions().contains(exercise.position));
    }

    private static PromptDue.Suggestion suggestion(CatalogExercise exercise, MemberDosage dosage) {
        return new PromptDue.Suggestion(
                exercise.id, exercise.slug, exercise.name, dosage.sets, dosage.reps, dosage.holdSeconds);
    }
}

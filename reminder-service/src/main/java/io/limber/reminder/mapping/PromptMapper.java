package io.limber.reminder.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.reminder.api.PromptView;
import io.limber.reminder.model.Prompt;

@ApplicationScoped
public class PromptMapper {

    public PromptView toView(Prompt prompt) {
        PromptView.SuggestionView suggestion = prompt.exerciseId == null
                ? null
                : new PromptView.SuggestionView(
                        prompt.exerciseId,
                        prompt.exerciseSlug,
                        prompt.exerciseName,
                        prompt.sets,
                        prompt.reps,
                        prompt.holdSeconds);
        return new PromptView(
                prompt.id,
                prompt.dueAt,
                prompt.sentAt,
                prompt.status.name(),
                prompt.snoozeCount,
                prompt.actedAt,
                suggestion);
    }
}

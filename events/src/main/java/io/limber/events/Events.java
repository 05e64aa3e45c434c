package io.limber.events;

import java.util.List;

import io.limber.events.catalog.ExercisePublished;
import io.limber.events.prompt.PromptAcknowledged;
import io.limber.events.prompt.PromptDue;
import io.limber.events.session.ExerciseCleared;
import io.limber.events.session.MemberErased;
import io.limber.events.session.SafetyFlagRaised;
import io.limber.events.session.SafetyFlagResolved;
import io.limber.events.session.SessionCompleted;
import io.limber.events.session.ToleranceReported;

/** Every event the services produce, as the AsyncAPI document lists them. */
public final class Events {

    public static final EventType<ExercisePublished> EXERCISE_PUBLISHED =
            new EventType<>(Topic.CATALOG_EXERCISES, EventTypes.EXERCISE_PUBLISHED, 1, ExercisePublished.class);

    public static final EventType<SessionCompleted> SESSION_COMPLETED =
            new EventType<>(Topic.SESSIONS, EventTypes.SESSION_COMPLETED, 1, SessionCompleted.class);

    public static final EventType<ToleranceReported> TOLERANCE_REPORTED =
            new EventType<>(Topic.SESSIONS, EventTypes.TOLERANCE_REPORTED, 1, ToleranceReported.class);

    public static final EventType<MemberErased> MEMBER_ERASED =
            new EventType<>(Topic.SESSIONS, EventTypes.MEMBER_ERASED, 1, MemberErased.class);

    public static final EventType<ExerciseCleared> EXERCISE_CLEARED =
            new EventType<>(Topic.SESSIONS, EventTypes.EXERCISE_CLEARED, 1, ExerciseCleared.class);

    public static final EventType<SafetyFlagRaised> SAFETY_FLAG_RAISED =
            new EventType<>(Topic.SESSIONS, EventTypes.SAFETY_FLAG_RAISED, 1, SafetyFlagRaised.class);

    public static final EventType<SafetyFlagResolved> SAFETY_FLAG_RESOLVED =
            new EventType<>(Topic.SESSIONS, EventTypes.SAFETY_FLAG_RESOLVED, 1, SafetyFlagResolved.class);

    public static final EventType<PromptDue> PROMPT_DUE =
            new EventType<>(Topic.PROMPTS, EventTypes.PROMPT_DUE, 1, PromptDue.class);

    public static final EventType<PromptAcknowledged> PROMPT_ACKNOWLEDGED =
            new EventType<>(Topic.PROMPTS, EventTypes.PROMPT_ACKNOWLEDGED, 1, PromptAcknowledged.class);

    public static final List<EventType<?>> ALL = List.of(
            EXERCISE_PUBLISHED,
            SESSION_COMPLETED,
            TOLERANCE_REPORTED,
            MEMBER_ERASED,
            EXERCISE_CLEARED,
            SAFETY_FLAG_RAISED,
            SAFETY_FLAG_RESOLVED,
            PROMPT_DUE,
            PROMPT_ACKNOWLEDGED);

    private Events() {}
}

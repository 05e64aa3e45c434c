package io.limber.events;

/** CloudEvents {@code type} values of the public contract. */
public final class EventTypes {

    public static final String EXERCISE_PUBLISHED = "limber.exercise.published";
    public static final String SESSION_COMPLETED = "limber.session.completed";
    public static final String TOLERANCE_REPORTED = "limber.tolerance.reported";
    public static final String MEMBER_ERASED = "limber.member.erased";
    public static final String EXERCISE_CLEARED = "limber.exercise.cleared";
    public static final String SAFETY_FLAG_RAISED = "limber.safety-flag.raised";
    public static final String SAFETY_FLAG_RESOLVED = "limber.safety-flag.resolved";
    public static final String PROMPT_DUE = "limber.prompt.due";
    public static final String PROMPT_ACKNOWLEDGED = "limber.prompt.acknowledged";

    private EventTypes() {}

    /** The {@code dataschema} URI of an event type, naming the schema file kept in this module. */
    public static String dataSchema(String type, int version) {
        return "https://schemas.limber.io/events/" + type + ".v" + version + ".json";
    }
}

package io.limber.content.service;

/** The JWT groups this service acts on (see ARCHITECTURE.md). */
public final class Roles {

    public static final String EDITOR = "content-editor";
    public static final String REVIEWER = "clinical-reviewer";

    private Roles() {}
}

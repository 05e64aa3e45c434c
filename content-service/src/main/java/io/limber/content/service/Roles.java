package io.limber.content.service;

import io.limber.web.CommonProblem;
import io.limber.web.CurrentCaller;

/** The JWT groups this service acts on (see ARCHITECTURE.md). */
public final class Roles {

    public static final String EDITOR = "content-editor";
    public static final String REVIEWER = "clinical-reviewer";

    private Roles() {}

    /** Working copies and review state are the maintainers' own: editors and clinical reviewers. */
    public static void requireMaintainer(CurrentCaller caller, String what) {
        if (!caller.hasRole(EDITOR) && !caller.hasRole(REVIEWER)) {
            throw CommonProblem.FORBIDDEN.problem("Only content editors and clinical reviewers may see " + what);
        }
    }
}

package io.limber.content.domain;

import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the working copy of an entry is in the review workflow. */
public enum WorkflowState implements Coded {
    @JsonProperty("draft")
    DRAFT("draft"),
    @JsonProperty("in-review")
    IN_REVIEW("in-review"),
    @JsonProperty("approved")
    APPROVED("approved"),
    @JsonProperty("published")
    PUBLISHED("published"),
    @JsonProperty("retired")
    RETIRED("retired");

    private final String code;

    WorkflowState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /**
     * The workflow's legal moves, stated once: the states each may start from and the state it
     * leads to. Only the seed skips them, publishing its own content without a review.
     */
    public enum Transition {
        /**
         * A change in review or approved is frozen, so the reviewer approves exactly what gets
         * published; anything else may be edited, which starts a new draft.
         */
        EDIT("edit", DRAFT, EnumSet.of(DRAFT, PUBLISHED, RETIRED)),
        SUBMIT("submit", IN_REVIEW, EnumSet.of(DRAFT)),
        APPROVE("approve", APPROVED, EnumSet.of(IN_REVIEW)),
        SEND_BACK("send back", DRAFT, EnumSet.of(IN_REVIEW, APPROVED)),
        PUBLISH("publish", PUBLISHED, EnumSet.of(APPROVED)),
        /**
         * From any state but retired, yet only while the entry is public, which the working copy's
         * state does not tell: a published entry may have a new draft in review.
         */
        RETIRE("retire", RETIRED, EnumSet.complementOf(EnumSet.of(RETIRED)));

        private final String action;
        private final WorkflowState target;
        private final Set<WorkflowState> from;

        Transition(String action, WorkflowState target, Set<WorkflowState> from) {
            this.action = action;
            this.target = target;
            this.from = from;
        }

        /** The verb that names this transition in problem details. */
        public String action() {
            return action;
        }

        public WorkflowState target() {
            return target;
        }

        public boolean allowedFrom(WorkflowState state) {
            return from.contains(state);
        }

        /** The one state it starts from, for transitions that have only one. */
        public WorkflowState requiredState() {
            if (from.size() != 1) {
                throw new IllegalStateException(name() + " starts from " + from);
            }
            return from.iterator().next();
        }
    }
}

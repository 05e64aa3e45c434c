package io.limber.events;

import java.util.List;
import java.util.Map;

/**
 * A topic of the public contract, with the settings it must be created with.
 *
 * <p>Names are part of the contract (see ARCHITECTURE.md): a breaking change is a new version
 * suffix, never an edit in place.
 */
public record Topic(String name, int partitions, Map<String, String> config) {

    public static final Topic CATALOG_EXERCISES =
            new Topic("limber.catalog.exercises.v1", 3, Map.of("cleanup.policy", "compact"));

    public static final Topic SESSIONS = new Topic("limber.sessions.v1", 6, Map.of("cleanup.policy", "delete"));

    public static final Topic PROMPTS = new Topic("limber.prompts.v1", 6, Map.of("cleanup.policy", "delete"));

    public static final List<Topic> ALL = List.of(CATALOG_EXERCISES, SESSIONS, PROMPTS);
}

package io.limber.content.repository;

import java.util.Optional;

import io.limber.content.domain.EntryType;
import io.limber.content.domain.WorkflowState;

/**
 * What a list asks for; absent filters match everything.
 *
 * @param state absent: published entries, searched in their published revision; present: working
 *     copies in that state (editors and reviewers only), searched in the working copy
 * @param noEquipment only entries that need no equipment
 */
public record CatalogFilter(
        EntryType type,
        Optional<WorkflowState> state,
        Optional<String> kind,
        Optional<String> region,
        Optional<String> equipment,
        boolean noEquipment,
        Optional<String> position,
        Optional<String> tag,
        Optional<String> text,
        int page,
        int size) {}

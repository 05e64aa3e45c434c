package io.limber.content.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.limber.content.domain.WorkflowState;

/**
 * The working copy of an entry as editors and reviewers see it.
 *
 * @param version changes with every edit and workflow step; the ETag {@code If-Match} must name
 * @param changeAuthors who edited it since it was last published; none of them may approve it
 * @param content an {@link ExerciseContent} or a {@link ProgramContent}
 */
public record DraftView(
        UUID id,
        String type,
        String slug,
        WorkflowState state,
        long version,
        Integer publishedRevision,
        boolean retired,
        String reviewComment,
        String createdBy,
        List<String> changeAuthors,
        String submittedBy,
        String approvedBy,
        Instant updatedAt,
        Object content) {}

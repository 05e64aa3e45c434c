package io.limber.content.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.limber.content.domain.Coded;
import io.limber.content.domain.EntryType;
import io.limber.content.domain.WorkflowState;

/**
 * An exercise or a program: its working copy, where that copy is in the workflow, and a copy of
 * its current published revision. JSON columns are kept as text; {@code ContentMapper} owns
 * their shape.
 */
@Entity
@Table(name = "catalog_entry")
public class CatalogEntry {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String state;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String doc;

    @Column(nullable = false)
    public long version;

    @Column(name = "published_revision")
    public Integer publishedRevision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "published_doc")
    public String publishedDoc;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "change_authors", nullable = false)
    public String changeAuthors;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public WorkflowState workflowState() {
        return Coded.parse(WorkflowState.class, state).orElseThrow();
    }

    public void moveTo(WorkflowState next) {
        state = next.code();
    }

    public boolean is(EntryType expected) {
        return expected.code().equals(type);
    }

    /** Published and not retired: what anonymous callers and members may see. */
    public boolean isPublic() {
        return publishedRevision != null && retiredAt == null;
    }
}

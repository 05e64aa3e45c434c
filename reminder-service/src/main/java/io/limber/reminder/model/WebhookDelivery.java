package io.limber.reminder.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One prompt to POST to a member's webhook, retried with backoff until delivered or given up on. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    /** Sent as {@code webhook-id}: the same on every retry, so the receiver can deduplicate. */
    @Id
    public UUID id;

    @Column(name = "prompt_id", nullable = false)
    public UUID promptId;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public enum Status {
        pending,
        delivered,
        failed
    }
}

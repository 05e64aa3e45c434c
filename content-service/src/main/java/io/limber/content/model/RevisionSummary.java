package io.limber.content.model;

import java.time.Instant;

public record RevisionSummary(int revision, Instant publishedAt, String publishedBy, String approvedBy) {}

package io.limber.events.session;

import java.time.Instant;

/**
 * Data of {@code limber.member.erased} on {@code limber.sessions.v1}, keyed by member id: the
 * member erased their data; every consumer deletes what it holds about them.
 */
public record MemberErased(String memberId, Instant erasedAt) {}

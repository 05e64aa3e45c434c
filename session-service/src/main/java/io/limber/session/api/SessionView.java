package io.limber.session.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record SessionView(
        UUID id,
        String memberId,
        UUID exerciseId,
        int exerciseRevision,
        UUID programId,
        Instant startedAt,
        Instant endedAt,
        List<SetRequest> sets,
        int totalReps,
        String note,
        Instant recordedAt) {}

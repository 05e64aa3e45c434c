package io.limber.session.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ReportView(
        UUID id,
        UUID exerciseId,
        UUID sessionId,
        int painBefore,
        int painDuring,
        int painAfter,
        Integer effort,
        boolean sharpOrNewPain,
        List<String> redFlags,
        String note,
        Integer morningPain,
        Integer morningStiffness,
        Instant reportedAt,
        Instant checkedInAt,
        RecommendationView recommendation) {}

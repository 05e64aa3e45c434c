package io.limber.session.mapping;

import java.util.List;

import io.limber.events.session.SessionCompleted;
import io.limber.session.api.SessionView;
import io.limber.session.api.SetRequest;
import io.limber.session.model.ExerciseSession;

public final class SessionMapper {

    private SessionMapper() {}

    public static List<ExerciseSession.SetRecord> toRecords(List<SetRequest> sets) {
        return sets.stream()
                .map(s -> new ExerciseSession.SetRecord(s.side(), s.reps(), s.holdSeconds()))
                .toList();
    }

    public static SessionView toView(ExerciseSession s) {
        return new SessionView(
                s.id,
                s.memberId,
                s.exerciseId,
                s.exerciseRevision,
                s.programId,
                s.startedAt,
                s.endedAt,
                s.sets.stream()
                        .map(r -> new SetRequest(r.side(), r.reps(), r.holdSeconds()))
                        .toList(),
                s.totalReps,
                s.note,
                s.recordedAt);
    }

    public static SessionCompleted toEvent(ExerciseSession s) {
        return new SessionCompleted(
                s.id,
                s.memberId,
                s.employerId,
                s.exerciseId,
                s.exerciseRevision,
                s.programId,
                s.startedAt,
                s.endedAt,
                s.sets.stream()
                        .map(r -> new SessionCompleted.SetDone(r.side(), r.reps(), r.holdSeconds()))
                        .toList());
    }
}

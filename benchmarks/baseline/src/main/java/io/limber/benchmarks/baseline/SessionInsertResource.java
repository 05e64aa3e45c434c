package io.limber.benchmarks.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.agroal.api.AgroalDataSource;

/**
 * The least any Quarkus service can do for a session POST: read the JSON body, then make the
 * inserts session-service makes (the Idempotency-Key's claim, the session, its outbox row) in
 * one transaction over plain JDBC, and answer 201. No token, no validation, no relay: the
 * session benchmark's yardstick, whose ratio to the real POST moves less with the machine than
 * a ratio to pgbench (which waits on fsync while the services burn CPU). Its rows carry the
 * employer {@code baseline}; the benchmark deletes them afterwards.
 */
@Path("/members/{member}/sessions")
public class SessionInsertResource {

    public record SetDone(String side, int reps, Integer holdSeconds) {}

    public record SessionBody(
            UUID exerciseId, int exerciseRevision, Instant startedAt, Instant endedAt, List<SetDone> sets) {}

    public record Created(UUID id) {}

    private static final String CLAIM = "INSERT INTO idempotency_record"
            + " (member_id, operation, idempotency_key, request_hash, resource_id, created_at)"
            + " VALUES (?, 'recordSession', ?, md5(?), ?, now())"
            + " ON CONFLICT (member_id, operation, idempotency_key) DO NOTHING";
    private static final String SESSION = "INSERT INTO exercise_session"
            + " (id, member_id, employer_id, exercise_id, exercise_revision, started_at, ended_at, sets, total_reps,"
            + " recorded_at) VALUES (?, ?, 'baseline', ?, ?, ?, ?, ?::jsonb, ?, now())";
    private static final String OUTBOX = "INSERT INTO outbox_event"
            + " (id, topic, message_key, event_type, subject, data_schema, payload, created_at, published_at)"
            + " VALUES (?, 'limber.sessions.v1', ?, 'limber.session.completed', ?,"
            + " 'https://schemas.limber.io/events/limber.session.completed.v1.json', ?::jsonb, now(), now())";

    private final AgroalDataSource dataSource;

    SessionInsertResource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response record(
            @PathParam("member") String member, @HeaderParam("Idempotency-Key") String key, SessionBody body)
            throws SQLException {
        UUID id = UUID.randomUUID();
        StringBuilder sets = new StringBuilder("[");
        int totalReps = 0;
        for (SetDone set : body.sets()) {
            if (sets.length() > 1) {
                sets.append(',');
            }
            sets.append("{\"side\":\"")
                    .append(set.side())
                    .append("\",\"reps\":")
                    .append(set.reps())
                    .append(",\"holdSeconds\":")
                    .append(set.holdSeconds())
                    .append('}');
            totalReps += set.reps();
        }
        String setsJson = sets.append(']').toString();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement claim = c.prepareStatement(CLAIM);
                    PreparedStatement session = c.prepareStatement(SESSION);
                    PreparedStatement outbox = c.prepareStatement(OUTBOX)) {
                claim.setString(1, member);
                claim.setString(2, key == null ? id.toString() : key);
                claim.setString(3, setsJson);
                claim.setObject(4, id);
                claim.executeUpdate();
                session.setObject(1, id);
                session.setString(2, member);
                session.setObject(3, body.exerciseId());
                session.setInt(4, body.exerciseRevision());
                session.setTimestamp(5, Timestamp.from(body.startedAt()));
                session.setTimestamp(6, Timestamp.from(body.endedAt()));
                session.setString(7, setsJson);
                session.setInt(8, totalReps);
                session.executeUpdate();
                outbox.setObject(1, UUID.randomUUID());
                outbox.setString(2, member);
                outbox.setString(3, member);
                outbox.setString(
                        4, "{\"sessionId\":\"" + id + "\",\"memberId\":\"" + member + "\",\"sets\":" + setsJson + "}");
                outbox.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
        return Response.status(201).entity(new Created(id)).build();
    }
}

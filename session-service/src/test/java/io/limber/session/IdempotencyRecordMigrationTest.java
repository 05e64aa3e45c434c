package io.limber.session;

import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.limber.infra.test.ScratchDatabase;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V11 moved every Idempotency-Key into {@code idempotency_record}: on a database of its own,
 * migrated to V10 with keyed and unkeyed writes in it, then to the latest version, each key is
 * found again with its request hash and the row it made, so retries of writes made before the
 * upgrade still replay.
 */
@QuarkusTest
class IdempotencyRecordMigrationTest {

    @Test
    void theKeysOfWritesMadeBeforeTheUpgradeAreCopied() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.besideTheServices()) {
            db.migrate("10");
            UUID keyed = UUID.randomUUID();
            UUID unkeyed = UUID.randomUUID();
            UUID report = UUID.randomUUID();
            for (UUID session : new UUID[] {keyed, unkeyed}) {
                db.execute("INSERT INTO exercise_session (id, member_id, employer_id, exercise_id,"
                        + " exercise_revision, started_at, ended_at, sets, total_reps, recorded_at,"
                        + " idempotency_key, request_hash) VALUES ('" + session + "', 'member-a', 'employer-a',"
                        + " gen_random_uuid(), 1, '2026-11-01T08:00:00Z', '2026-11-01T08:10:00Z', '[]', 0,"
                        + " '2026-11-01T08:11:00Z', "
                        + (session == keyed ? "'key-1', 'session-hash'" : "NULL, NULL") + ")");
            }
            db.execute("INSERT INTO tolerance_report (id, member_id, employer_id, exercise_id, session_id,"
                    + " pain_before, pain_during, pain_after, reported_at, time_zone, idempotency_key, request_hash)"
                    + " VALUES ('" + report + "', 'member-a', 'employer-a', gen_random_uuid(), '" + keyed + "',"
                    + " 1, 2, 2, '2026-11-01T08:12:00Z', 'UTC', 'key-1', 'report-hash')");

            db.migrate("latest");

            assertThat(db.rows("SELECT member_id, operation, idempotency_key, request_hash, resource_id,"
                            + " created_at AT TIME ZONE 'UTC' FROM idempotency_record ORDER BY operation"))
                    .containsExactly(
                            "member-a recordSession key-1 session-hash " + keyed + " 2026-11-01 08:11:00",
                            "member-a reportTolerance key-1 report-hash " + report + " 2026-11-01 08:12:00");
            assertThat(db.rows("SELECT table_name, column_name FROM information_schema.columns"
                            + " WHERE column_name IN ('idempotency_key', 'request_hash')"
                            + " AND table_name IN ('exercise_session', 'tolerance_report')"))
                    .as("the columns the store replaces")
                    .isEmpty();
        }
    }
}

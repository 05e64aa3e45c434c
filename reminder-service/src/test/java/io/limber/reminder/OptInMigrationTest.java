package io.limber.reminder;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import io.limber.infra.test.ScratchDatabase;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V6 makes prompts opt-in for the schedules made before it: on a database of its own, migrated to
 * V5 with the rows the old default made, then to the latest version, only members who saved
 * preferences keep a schedule that plans prompts, and a safety pause still holds.
 */
@QuarkusTest
class OptInMigrationTest {

    @Test
    void schedulesOfMembersWhoNeverSavedPreferencesGoButAPauseStays() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.besideTheServices()) {
            db.migrate("5");
            db.execute(
                    "INSERT INTO reminder_preferences (member_id, settings, updated_at)"
                            + " VALUES ('opted-in', '{\"timeZone\":\"UTC\",\"enabled\":true}', now())",
                    "INSERT INTO prompt_schedule (member_id, next_due_at, updated_at) VALUES"
                            + " ('opted-in', '2026-12-01T10:00:00Z', now()),"
                            + " ('never-saved', '2026-12-01T09:50:00Z', now())",
                    "INSERT INTO prompt_schedule (member_id, next_due_at, safety_paused, updated_at)"
                            + " VALUES ('never-saved-paused', '2026-12-01T09:50:00Z', true, now())");

            db.migrate("latest");

            assertThat(db.rows("SELECT member_id, next_due_at AT TIME ZONE 'UTC', safety_paused"
                            + " FROM prompt_schedule ORDER BY member_id"))
                    .containsExactly("never-saved-paused null t", "opted-in 2026-12-01 10:00:00 f");
        }
    }
}

package io.limber.reminder;

import java.sql.SQLException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
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

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void schedulesOfMembersWhoNeverSavedPreferencesGoButAPauseStays() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.on(url, username, password)) {
            migrate(db, "5");
            db.execute(
                    "INSERT INTO reminder_preferences (member_id, settings, updated_at)"
                            + " VALUES ('opted-in', '{\"timeZone\":\"UTC\",\"enabled\":true}', now())",
                    "INSERT INTO prompt_schedule (member_id, next_due_at, updated_at) VALUES"
                            + " ('opted-in', '2026-12-01T10:00:00Z', now()),"
                            + " ('never-saved', '2026-12-01T09:50:00Z', now())",
                    "INSERT INTO prompt_schedule (member_id, next_due_at, safety_paused, updated_at)"
                            + " VALUES ('never-saved-paused', '2026-12-01T09:50:00Z', true, now())");

            migrate(db, "latest");

            assertThat(db.rows("SELECT member_id, next_due_at AT TIME ZONE 'UTC', safety_paused"
                            + " FROM prompt_schedule ORDER BY member_id"))
                    .containsExactly("never-saved-paused null t", "opted-in 2026-12-01 10:00:00 f");
        }
    }

    private void migrate(ScratchDatabase db, String target) {
        Flyway.configure()
                .dataSource(db.url(), username, password)
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }
}

package io.limber.session.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

import org.postgresql.util.PGInterval;

/**
 * Moves what is stored back in time, as if days had passed since it was recorded: a morning
 * check-in counts only from the member's next local day, and the dose steps up at most once a
 * local day, so a test that checks in "the next morning" moves the report back rather than waiting.
 * Two days back puts a check-in made now inside its window at any hour of the run.
 */
public final class Backdate {

    /** Far enough back that now is the next morning or the day after, at any hour. */
    public static final Duration NEXT_MORNING = Duration.ofDays(2);

    private Backdate() {}

    /** Everything the member recorded: sessions, reports, check-ins and recommendations. */
    public static void member(DataSource db, String memberId, Duration by) {
        run(
                db,
                by,
                "UPDATE exercise_session SET started_at = started_at - ?, ended_at = ended_at - ?,"
                        + " recorded_at = recorded_at - ? WHERE member_id = ?",
                memberId);
        run(
                db,
                by,
                "UPDATE tolerance_report SET reported_at = reported_at - ?, checked_in_at = checked_in_at - ?"
                        + " WHERE member_id = ?",
                memberId);
        run(db, by, "UPDATE recommendation SET created_at = created_at - ? WHERE member_id = ?", memberId);
    }

    /** One report and the session it names. */
    public static void report(DataSource db, UUID reportId, Duration by) {
        run(
                db,
                by,
                "UPDATE exercise_session SET started_at = started_at - ?, ended_at = ended_at - ?,"
                        + " recorded_at = recorded_at - ? WHERE id = (SELECT session_id FROM tolerance_report WHERE id = ?)",
                reportId);
        run(db, by, "UPDATE tolerance_report SET reported_at = reported_at - ? WHERE id = ?", reportId);
    }

    private static void run(DataSource db, Duration by, String sql, Object key) {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int intervals = (int) sql.chars().filter(c -> c == '?').count() - 1;
            for (int i = 1; i <= intervals; i++) {
                statement.setObject(i, new PGInterval(0, 0, 0, 0, 0, by.toSeconds()));
            }
            statement.setObject(intervals + 1, key);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

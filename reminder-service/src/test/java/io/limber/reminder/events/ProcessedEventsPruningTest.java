package io.limber.reminder.events;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.reminder.support.Db;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ProcessedEventsPruningTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProcessedEventsPruning pruning;

    @Test
    void forgetsEntriesOlderThanTheRetentionAndKeepsTheRest() {
        Db db = new Db(dataSource);
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        db.update(
                "INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, now() - interval '22 days')",
                SessionEventsConsumer.CONSUMER,
                old);
        db.update(
                "INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, now() - interval '20 days')",
                SessionEventsConsumer.CONSUMER,
                recent);

        assertThat(pruning.prune()).isGreaterThanOrEqualTo(1);

        assertThat(db.one("SELECT count(*) FROM processed_event WHERE event_id = ?", Long.class, old))
                .isZero();
        assertThat(db.one("SELECT count(*) FROM processed_event WHERE event_id = ?", Long.class, recent))
                .isEqualTo(1);
    }
}

package io.limber.reminder.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.reminder.support.Db;
import io.limber.reminder.support.Members;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The reminder business meters on /q/metrics move with real requests and real rows. */
@QuarkusTest
class ReminderMetricsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAcknowledgedPromptIsCountedByAction() {
        Members members = new Members(new Db(dataSource));
        String member = Members.newId();
        UUID prompt = members.withOnePrompt(member);
        members.dueAt(member, Instant.now().plus(Duration.ofMinutes(3)));
        double done = metric("limber_prompts_acknowledged_total{action=\"done\"}");
        double dismissed = metric("limber_prompts_acknowledged_total{action=\"dismissed\"}");

        given().auth()
                .oauth2(Members.token(member))
                .post("/api/v1/me/prompts/" + prompt + "/done")
                .then()
                .statusCode(200);
        // Refused (already done): rolled back, so not counted.
        given().auth()
                .oauth2(Members.token(member))
                .post("/api/v1/me/prompts/" + prompt + "/dismiss")
                .then()
                .statusCode(409);

        assertThat(metric("limber_prompts_acknowledged_total{action=\"done\"}")).isEqualTo(done + 1);
        assertThat(metric("limber_prompts_acknowledged_total{action=\"dismissed\"}"))
                .isEqualTo(dismissed);
    }

    @Test
    void aDispatchCountsWhatItSentAndWhatItDeferred() {
        Members members = new Members(new Db(dataSource));
        double sent = metric("limber_prompts_sent_total");
        double deferred = metric("limber_prompts_deferred_total");

        members.withOnePrompt(Members.newId());
        String outsideHours = Members.newId();
        int start = (Instant.now().atZone(ZoneOffset.UTC).getHour() + 6) % 24; // well away from now
        members.put(outsideHours, Members.workingOneHourFrom(start, 20));
        members.dueAt(outsideHours, Instant.now().minus(Duration.ofHours(3)));

        // Other members' prompts may be dispatched meanwhile: at least these two are counted.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(metric("limber_prompts_sent_total")).isGreaterThanOrEqualTo(sent + 1);
            assertThat(metric("limber_prompts_deferred_total")).isGreaterThanOrEqualTo(deferred + 1);
        });
    }

    @Test
    void theBacklogGaugesAreCountsFromTheDatabase() {
        // NaN until the first background refresh after a scrape.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(metric("limber_prompts_due")).isNotNaN().isGreaterThanOrEqualTo(0);
            assertThat(metric("limber_webhook_deliveries_pending")).isNotNaN().isGreaterThanOrEqualTo(0);
        });
    }

    /** One sample of the Prometheus text format (an exemplar may follow it), NaN when absent. */
    private static double metric(String series) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + "\\s+(\\S+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}

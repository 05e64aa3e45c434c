package io.limber.reminder.security;

import java.net.URL;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.infra.test.DbSnapshot;
import io.limber.infra.test.OpenApiFuzzer;
import io.limber.infra.test.TestTokens;
import io.limber.reminder.support.Db;
import io.limber.reminder.support.Members;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of this service's OpenAPI document, fuzzed (see {@link OpenApiFuzzer}) as a
 * member with a real prompt: never a 5xx, every refusal a problem, never a changed row.
 */
@QuarkusTest
class OpenApiFuzzTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "limber.http.max-body-size")
    MemorySize maxBodySize;

    @TestHTTPResource("/")
    URL base;

    @Test
    void noGeneratedRequestGetsA5xxOrChangesARow() {
        String member = Members.newId();
        String prompt = new Members(new Db(dataSource)).withOnePrompt(member).toString();
        String in = "member_id = '" + member + "'";
        // The dispatcher and the consumers (sessions, erasures, the catalog) keep working for other
        // tests' members meanwhile: every member's table counts this member's rows only.
        DbSnapshot rows = new DbSnapshot(dataSource)
                .ignoreTable("processed_event")
                .ignoreTable("catalog_exercise")
                .ignoreColumns("outbox_event", "published_at")
                .where("outbox_event", "message_key = '" + member + "'")
                .where("reminder_preferences", in)
                .where("member_dosage", in)
                .where("prompt", in)
                .where("prompt_schedule", in)
                .where("webhook_delivery", in);

        OpenApiFuzzer.Report report = OpenApiFuzzer.of(base.toString())
                .tokens(op -> op.roles().isEmpty()
                        ? null
                        : TestTokens.token(member, "employer-fuzz", op.roles().get(0)))
                .value("id", prompt)
                .maxBodyBytes((int) maxBodySize.asLongValue())
                .rows(rows::take)
                .run();

        System.out.println("reminder-service OpenAPI fuzz: " + report);
        report.tolerated().forEach(t -> System.out.println("  tolerated " + t));
        assertThat(report.failures()).as(report.toString()).isEmpty();
    }
}

package io.limber.reminder.security;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.limber.infra.test.DbSnapshot;
import io.limber.infra.test.OpenApiFuzzTestBase;
import io.limber.infra.test.OpenApiFuzzer;
import io.limber.infra.test.TestTokens;
import io.limber.reminder.support.Db;
import io.limber.reminder.support.Members;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of this service's OpenAPI document, fuzzed (see {@link OpenApiFuzzer}) as a
 * member with a real prompt: never a 5xx, every refusal a problem, never a changed row.
 */
@QuarkusTest
class OpenApiFuzzTest extends OpenApiFuzzTestBase {

    OpenApiFuzzTest() {
        super("reminder-service");
    }

    @Inject
    AgroalDataSource dataSource;

    @Override
    protected OpenApiFuzzer configure(OpenApiFuzzer fuzzer) {
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

        return fuzzer.tokens(op -> op.roles().isEmpty()
                        ? null
                        : TestTokens.token(member, "employer-fuzz", op.roles().get(0)))
                .value("id", prompt)
                .rows(rows::take);
    }
}

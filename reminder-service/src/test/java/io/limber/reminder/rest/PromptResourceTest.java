package io.limber.reminder.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.limber.events.EventTypes;
import io.limber.infra.test.TestTokens;
import io.limber.reminder.support.CloudEvents;
import io.limber.reminder.support.Db;
import io.limber.reminder.support.Members;
import io.limber.reminder.support.PromptTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Prompt history and what a member does about a prompt. */
@QuarkusTest
class PromptResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;
    private PromptTopic topic;
    private Members members;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        topic = new PromptTopic(kafka);
        members = new Members(new Db(dataSource));
    }

    @AfterEach
    void disconnect() {
        topic.close();
        kafka.close();
    }

    @Test
    void doneCountsAsAMovementBreakAndIsAcknowledgedOnTheTopic() throws Exception {
        String member = Members.newId();
        UUID prompt = members.withOnePrompt(member);
        members.dueAt(member, Instant.now().plus(Duration.ofMinutes(3)));

        act(member, prompt, "done").then().statusCode(200).body("status", equalTo("done"));

        assertThat(members.nextDueAt(member))
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(58)),
                        Instant.now().plus(Duration.ofMinutes(61)));
        ConsumerRecord<String, String> ack = topic.awaitRecords(
                        List.of(member), EventTypes.PROMPT_ACKNOWLEDGED, 1, Duration.ofSeconds(30))
                .get(0);
        PromptTopic.assertMatchesSchema("limber.prompt.acknowledged.v1.json", ack.value());
        JsonNode data = CloudEvents.JSON.readTree(ack.value());
        assertThat(data.get("action").asText()).isEqualTo("done");
        assertThat(data.get("promptId").asText()).isEqualTo(prompt.toString());
        act(member, prompt, "dismiss").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aSnoozedPromptComesBackAsTheSamePromptAndMayBeSnoozedTwiceAtMost() {
        String member = Members.newId();
        UUID prompt = members.withOnePrompt(member);

        snooze(member, prompt, 10)
                .then()
                .statusCode(200)
                .body("status", equalTo("snoozed"))
                .body("snoozeCount", equalTo(1));
        assertThat(members.nextDueAt(member))
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(11)));

        members.dueAt(member, Instant.now()); // ten minutes pass
        List<ConsumerRecord<String, String>> due =
                topic.awaitRecords(List.of(member), EventTypes.PROMPT_DUE, 2, Duration.ofSeconds(30));
        assertThat(due).allSatisfy(r -> assertThat(r.value()).contains(prompt.toString()));
        assertThat(members.promptCount(member)).isEqualTo(1);
        given().auth()
                .oauth2(Members.token(member))
                .get("/api/v1/me/prompts")
                .then()
                .body("[0].status", equalTo("sent"));

        snooze(member, prompt, 5).then().statusCode(200).body("snoozeCount", equalTo(2));
        snooze(member, prompt, 15)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("snoozed 2 times"));
    }

    @Test
    void aSnoozeOtherThanFiveTenOrFifteenMinutesIsABadRequest() {
        String member = Members.newId();
        UUID prompt = members.withOnePrompt(member);

        snooze(member, prompt, 7).then().statusCode(400).contentType("application/problem+json");
        given().auth()
                .oauth2(Members.token(member))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/me/prompts/" + prompt + "/snooze")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Members.token(member))
                .get("/api/v1/me/prompts")
                .then()
                .body("[0].snoozeCount", equalTo(0));
    }

    @Test
    void dismissEndsThePrompt() {
        String member = Members.newId();
        UUID prompt = members.withOnePrompt(member);

        act(member, prompt, "dismiss").then().statusCode(200).body("status", equalTo("dismissed"));
        act(member, prompt, "done").then().statusCode(409);
        snooze(member, prompt, 5).then().statusCode(409);
    }

    @Test
    void actingOnAnotherMembersPromptIsRefusedAndChangesNothing() {
        String alice = Members.newId();
        UUID alicesPrompt = members.withOnePrompt(alice);
        String bob = Members.newId();

        for (String action : List.of("done", "dismiss")) {
            act(bob, alicesPrompt, action).then().statusCode(404).contentType("application/problem+json");
        }
        snooze(bob, alicesPrompt, 5).then().statusCode(404);
        given().auth()
                .oauth2(Members.token(bob))
                .get("/api/v1/me/prompts")
                .then()
                .body("", hasSize(0));
        given().auth()
                .oauth2(Members.token(alice))
                .get("/api/v1/me/prompts")
                .then()
                .body("", hasSize(1))
                .body("[0].status", equalTo("sent"))
                .body("[0].snoozeCount", equalTo(0));
    }

    @Test
    void historyIsForMembersAndItsLimitIsChecked() {
        String member = Members.newId();
        given().get("/api/v1/me/prompts").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.employerAdmin("admin-" + UUID.randomUUID(), "employer-test"))
                .get("/api/v1/me/prompts")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Members.token(member))
                .queryParam("limit", 0)
                .get("/api/v1/me/prompts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        act(member, UUID.randomUUID(), "done").then().statusCode(404);
    }

    private static io.restassured.response.Response act(String member, UUID prompt, String action) {
        return given().auth().oauth2(Members.token(member)).post("/api/v1/me/prompts/" + prompt + "/" + action);
    }

    private static io.restassured.response.Response snooze(String member, UUID prompt, int minutes) {
        return given().auth()
                .oauth2(Members.token(member))
                .contentType(ContentType.JSON)
                .body(Map.of("minutes", minutes))
                .post("/api/v1/me/prompts/" + prompt + "/snooze");
    }
}

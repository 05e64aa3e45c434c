package io.limber.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.limber.infra.jwt.TokenMinter;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The caller is named by the verified token's claims, the same way in every service. */
@QuarkusTest
class CurrentCallerTest {

    @Test
    void theCallerIsTheTokensSubjectWithItsEmployerAndZone() {
        String token = token("member-7", "employer-1", List.of("member"), Map.of("zoneinfo", "America/New_York"));
        expect(token, "member-7 employer-1 America/New_York true");
    }

    @Test
    void theSubjectNamesTheCallerEvenWhenAnotherNameClaimDiffers() {
        String token =
                token("member-8", null, List.of("member"), Map.of("upn", "someone@else", "preferred_username", "x"));
        expect(token, "member-8 - - true");
    }

    @Test
    void blankClaimsAreAsGoodAsNone() {
        String token = token("clinician-1", " ", List.of("clinician"), Map.of("zoneinfo", ""));
        expect(token, "clinician-1 - - false");
    }

    private static void expect(String token, String caller) {
        given().auth().oauth2(token).get("/test/caller").then().statusCode(200).body(equalTo(caller));
    }

    private static String token(String subject, String employerId, List<String> groups, Map<String, ?> more) {
        return new TokenMinter(
                        TestApp.keys().loadPrivateKey(), TokenMinter.DEFAULT_ISSUER, TokenMinter.DEFAULT_AUDIENCE)
                .token(subject, employerId, groups, Duration.ofHours(1), more);
    }
}

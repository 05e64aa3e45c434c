package io.limber.web;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache decorates the parser the app verifies bearer tokens with (web's beans.xml enables
 * nothing else for it): the second parse of a token is the first one's result. SmallRye's own
 * parser makes a new token object each time.
 */
@QuarkusTest
class VerifiedTokenCacheInAppTest {

    @Inject
    JWTParser parser;

    @Test
    void theAppsParserRemembersAVerifiedToken() throws Exception {
        String token = TestApp.token("member-cached");
        assertThat(parser.parse(token)).isSameAs(parser.parse(token));
        assertThat(parser.parse(token).getSubject()).isEqualTo("member-cached");
    }

    @Test
    void theAppsParserStillRefusesAnExpiredToken() {
        String token = TestApp.token("member-expired", Duration.ofMinutes(-10));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> parser.parse(token)).isInstanceOf(ParseException.class);
        }
    }
}

package io.limber.infra.jwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The claims and header the services' verifier is configured for, checked by a verifier we did not write. */
class TokenMinterTest {

    static KeyPair keys;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    JwtConsumer verifier() {
        return new JwtConsumerBuilder()
                .setVerificationKey(keys.getPublic())
                .setExpectedIssuer(TokenMinter.DEFAULT_ISSUER)
                .setExpectedAudience(TokenMinter.DEFAULT_AUDIENCE)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .build();
    }

    TokenMinter minter() {
        return new TokenMinter(keys.getPrivate(), TokenMinter.DEFAULT_ISSUER, TokenMinter.DEFAULT_AUDIENCE);
    }

    @Test
    void aMemberTokenCarriesThePortalsClaims() throws Exception {
        long before = Instant.now().getEpochSecond();
        String token = minter().token("member-1", "acme", List.of("member"), Duration.ofHours(1));
        long after = Instant.now().getEpochSecond();

        JwtClaims claims = verifier().processToClaims(token);
        assertEquals(
                List.of("iss", "aud", "sub", "upn", "employer_id", "groups", "iat", "exp", "jti"),
                List.copyOf(claims.getClaimsMap().keySet()));
        assertEquals(TokenMinter.DEFAULT_ISSUER, claims.getClaimValue("iss"));
        assertEquals(TokenMinter.DEFAULT_AUDIENCE, claims.getClaimValue("aud"), "aud is one string, not a list");
        assertEquals("member-1", claims.getSubject());
        assertEquals("member-1", claims.getClaimValue("upn"));
        assertEquals("acme", claims.getClaimValue("employer_id"));
        assertEquals(List.of("member"), claims.getStringListClaimValue("groups"));
        long iat = claims.getIssuedAt().getValue();
        assertTrue(iat >= before && iat <= after);
        assertEquals(iat + 3600, claims.getExpirationTime().getValue());
        assertTrue(claims.getJwtId().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));

        JsonWebStructure jws = JsonWebStructure.fromCompactSerialization(token);
        assertEquals(
                Map.of("alg", "RS256", "typ", "JWT"),
                Map.of("alg", jws.getAlgorithmHeaderValue(), "typ", jws.getHeader("typ")));
        assertTrue(jws instanceof JsonWebSignature);
    }

    @Test
    void aTokenWithoutEmployerHasNoEmployerClaim() throws Exception {
        String token = minter().token("editor-1", null, List.of("content-editor", "ops"), Duration.ofMinutes(5));

        JwtClaims claims = verifier().processToClaims(token);
        assertFalse(claims.hasClaim("employer_id"));
        assertEquals(List.of("content-editor", "ops"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void signSignsTheClaimsAsGiven() throws Exception {
        long now = Instant.now().getEpochSecond();
        String token = minter().sign(Map.of("sub", "x", "exp", now + 60, "odd", List.of(1, "two", true)));

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(keys.getPublic())
                .setSkipDefaultAudienceValidation()
                .build()
                .processToClaims(token);
        assertEquals("x", claims.getSubject());
        assertEquals(List.of(1L, "two", true), claims.getClaimValue("odd"));
    }
}

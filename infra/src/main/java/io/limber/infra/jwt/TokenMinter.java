package io.limber.infra.jwt;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.lang.JoseException;

/**
 * Signs RS256 bearer tokens shaped like the portal's (see ARCHITECTURE.md): {@code sub} is the
 * member id, {@code employer_id} the tenant, {@code groups} the roles. Used by the local run to
 * hand out demo tokens and by tests, never by the services, which only verify.
 *
 * <p>jose4j directly rather than smallrye-jwt-build, which wraps it: the builder takes its defaults
 * from MicroProfile Config, and the launcher is a plain JVM without a Config implementation.
 */
public final class TokenMinter {

    public static final String DEFAULT_ISSUER = "https://auth.limber.local";
    public static final String DEFAULT_AUDIENCE = "limber";

    private final PrivateKey key;
    private final String issuer;
    private final String audience;

    public TokenMinter(PrivateKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    public String token(String subject, String employerId, List<String> groups, Duration lifetime) {
        return token(subject, employerId, groups, lifetime, Map.of());
    }

    /** As above, with more claims (such as the standard {@code zoneinfo}). */
    public String token(
            String subject, String employerId, List<String> groups, Duration lifetime, Map<String, ?> more) {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        if (employerId != null) {
            claims.setClaim("employer_id", employerId);
        }
        claims.setStringListClaim("groups", groups);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        more.forEach(claims::setClaim);
        return sign(claims);
    }

    /** Signs any claims as given: for tests that need an odd or broken token. */
    public String sign(Map<String, ?> claims) {
        JwtClaims given = new JwtClaims();
        claims.forEach(given::setClaim);
        return sign(given);
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader(HeaderParameterNames.TYPE, "JWT");
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign with RS256", e);
        }
    }
}

package io.limber.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwx.CompactSerializer;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import io.limber.infra.jwt.TokenMinter;

/**
 * Bearer tokens a service must reject with 401, each one defect away from a token it accepts for
 * the same caller: so a test that sees 401 knows the defect, not some other flaw, was caught.
 * {@link #valid} is that accepted token, for the control case.
 */
public final class HostileTokens {

    /** One hostile token and what is wrong with it (the name shows in parameterised test reports). */
    public record Case(String name, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static PrivateKey strangerKey;

    private HostileTokens() {}

    /** Every kind of broken token, shaped for this caller. */
    public static List<Case> all(String subject, String employerId, String... groups) {
        Map<String, Object> good = claims(subject, employerId, groups);
        long now = Instant.now().getEpochSecond();
        List<Case> cases = new ArrayList<>();
        // Ten minutes past: beyond any clock-skew allowance a verifier grants (SmallRye's is 60 s).
        cases.add(new Case("expired", rs256(good, c -> {
            c.put("iat", now - 3600);
            c.put("exp", now - 600);
        })));
        cases.add(new Case("not yet valid (nbf in an hour)", rs256(good, c -> c.put("nbf", now + 3600))));
        cases.add(new Case("wrong issuer", rs256(good, c -> c.put("iss", "https://evil.example.com"))));
        cases.add(new Case("wrong audience", rs256(good, c -> c.put("aud", "someone-else"))));
        cases.add(new Case("missing exp", rs256(good, c -> c.remove("exp"))));
        cases.add(new Case("missing sub", rs256(good, c -> c.remove("sub"))));
        cases.add(new Case("bad signature (another key)", signedBy(stranger(), good)));
        cases.add(new Case("tampered claims (signature of others)", tampered(good)));
        cases.add(new Case("alg none, no signature", unsigned(good)));
        // jose4j writes "none" with an empty signature, as RFC 7515 requires: this one is appended by hand.
        cases.add(new Case("alg none with a signature", unsigned(good) + "c2lnbmF0dXJl"));
        cases.add(new Case("HS256 keyed with the public key PEM", hs256(good, publicKeyPem())));
        cases.add(new Case("HS256 keyed with the public key DER", hs256(good, publicKeyDer())));
        cases.add(new Case("garbage", "not-a-token"));
        cases.add(new Case("garbage with three parts", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA"));
        cases.add(new Case("empty", ""));
        return cases;
    }

    /** The same caller's token with nothing wrong: a service must accept it. */
    public static String valid(String subject, String employerId, String... groups) {
        return rs256(claims(subject, employerId, groups), c -> {});
    }

    /** The claims {@link TokenMinter} puts in a one-hour token. */
    public static Map<String, Object> claims(String subject, String employerId, String... groups) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", TokenMinter.DEFAULT_ISSUER);
        claims.put("aud", TokenMinter.DEFAULT_AUDIENCE);
        claims.put("sub", subject);
        claims.put("upn", subject);
        if (employerId != null) {
            claims.put("employer_id", employerId);
        }
        claims.put("groups", List.of(groups));
        claims.put("iat", now);
        claims.put("exp", now + Duration.ofHours(1).toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /** Signed with the trusted key after {@code change}: the defect is in the claims alone. */
    public static String rs256(Map<String, Object> claims, Consumer<Map<String, Object>> change) {
        Map<String, Object> changed = new LinkedHashMap<>(claims);
        change.accept(changed);
        return TestTokens.signed(changed);
    }

    /** A well-formed RS256 token signed with a key nobody trusts. */
    public static String signedBy(PrivateKey key, Map<String, ?> claims) {
        return new TokenMinter(key, TokenMinter.DEFAULT_ISSUER, TokenMinter.DEFAULT_AUDIENCE).sign(claims);
    }

    /** {@code alg: none} and an empty signature: accepted only by a verifier that trusts the header. */
    public static String unsigned(Map<String, ?> claims) {
        JsonWebSignature jws = jws(AlgorithmIdentifiers.NONE, claims);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS); // jose4j writes "none" only when told
        return serialize(jws);
    }

    /**
     * Key confusion: HS256 with the RSA public key (which is public) as the HMAC secret. A verifier
     * that picks its algorithm from the header and feeds it the configured key would accept it.
     */
    public static String hs256(Map<String, ?> claims, byte[] secret) {
        JsonWebSignature jws = jws(AlgorithmIdentifiers.HMAC_SHA256, claims);
        jws.setKey(new HmacKey(secret));
        return serialize(jws);
    }

    /** Another member's claims under a signature made for this caller's. */
    private static String tampered(Map<String, Object> claims) {
        String[] genuine = CompactSerializer.deserialize(TestTokens.signed(claims));
        Map<String, Object> forged = new LinkedHashMap<>(claims);
        forged.put("sub", "someone-else-" + UUID.randomUUID());
        forged.put("upn", forged.get("sub"));
        String[] other = CompactSerializer.deserialize(signedBy(stranger(), forged));
        // A signer signs what it serialises, by design: moving a signature onto other claims is done by hand.
        return CompactSerializer.serialize(other[0], other[1], genuine[2]);
    }

    public static byte[] publicKeyPem() {
        try {
            return Files.readAllBytes(TestKeys.get().publicKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] publicKeyDer() {
        return TestKeys.get().loadPublicKey().getEncoded();
    }

    /** A fresh RSA key, made once per JVM, that no service trusts. */
    public static synchronized PrivateKey stranger() {
        if (strangerKey == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                strangerKey = generator.generateKeyPair().getPrivate();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RSA is not available", e);
            }
        }
        return strangerKey;
    }

    private static JsonWebSignature jws(String alg, Map<String, ?> claims) {
        JwtClaims payload = new JwtClaims();
        claims.forEach(payload::setClaim);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(alg);
        jws.setHeader(HeaderParameterNames.TYPE, "JWT");
        jws.setPayload(payload.toJson());
        return jws;
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot write a " + jws.getAlgorithmHeaderValue() + " token", e);
        }
    }
}

package io.limber.infra.test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwx.CompactSerializer;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each hostile token has the one defect its name says, seen by a JOSE implementation we did not write. */
class HostileTokensTest {

    final Map<String, String> cases = HostileTokens.all("member-1", "acme", "member").stream()
            .collect(Collectors.toMap(HostileTokens.Case::name, HostileTokens.Case::token));

    static JsonWebSignature parse(String token) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setCompactSerialization(token);
        return jws;
    }

    static boolean signedByTrustedKey(String token) throws Exception {
        JsonWebSignature jws = parse(token);
        jws.setKey(TestKeys.get().loadPublicKey());
        return AlgorithmIdentifiers.RSA_USING_SHA256.equals(jws.getAlgorithmHeaderValue()) && jws.verifySignature();
    }

    @Test
    void claimDefectsCarryAGoodSignature() throws Exception {
        assertTrue(signedByTrustedKey(HostileTokens.valid("member-1", "acme", "member")));
        for (String name : List.of(
                "expired",
                "not yet valid (nbf in an hour)",
                "wrong issuer",
                "wrong audience",
                "missing exp",
                "missing sub")) {
            assertTrue(signedByTrustedKey(cases.get(name)), name);
        }
    }

    @Test
    void signatureDefectsDoNotVerify() throws Exception {
        assertFalse(signedByTrustedKey(cases.get("bad signature (another key)")));

        String tampered = cases.get("tampered claims (signature of others)");
        assertFalse(signedByTrustedKey(tampered));
        assertNotEquals(
                "member-1",
                JwtClaims.parse(parse(tampered).getUnverifiedPayload()).getSubject());
    }

    @Test
    void algNoneHasNoSignatureOrAForgedOne() throws Exception {
        String[] none = CompactSerializer.deserialize(cases.get("alg none, no signature"));
        assertEquals(
                AlgorithmIdentifiers.NONE,
                parse(cases.get("alg none, no signature")).getAlgorithmHeaderValue());
        assertEquals("", none[2]);
        assertTrue(cases.get("alg none with a signature").endsWith(".c2lnbmF0dXJl"));
    }

    @Test
    void keyConfusionIsAnHmacOverThePublicKey() throws Exception {
        for (var keyed : Map.of(
                        "HS256 keyed with the public key PEM", HostileTokens.publicKeyPem(),
                        "HS256 keyed with the public key DER", HostileTokens.publicKeyDer())
                .entrySet()) {
            JsonWebSignature jws = parse(cases.get(keyed.getKey()));
            jws.setKey(new HmacKey(keyed.getValue()));
            assertEquals(AlgorithmIdentifiers.HMAC_SHA256, jws.getAlgorithmHeaderValue());
            assertTrue(jws.verifySignature(), keyed.getKey());
        }
    }
}

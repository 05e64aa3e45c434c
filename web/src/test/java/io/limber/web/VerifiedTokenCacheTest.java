package io.limber.web;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token verified once is not verified again until it expires; a failure is never remembered. */
class VerifiedTokenCacheTest {

    private static final long NOW = System.currentTimeMillis() / 1000;

    private final Verifier verifier = new Verifier();
    private final JWTParser cache = new Cached(verifier);

    @Test
    void aValidTokenIsVerifiedOnceAndThenRemembered() throws Exception {
        verifier.expiresAt.put("a", NOW + 3600);
        JsonWebToken first = cache.parse("a");
        assertThat(cache.parse("a")).isSameAs(first);
        assertThat(cache.parse("a")).isSameAs(first);
        assertThat(verifier.calls("a")).isEqualTo(1);
    }

    @Test
    void eachTokenTextIsRememberedOnItsOwn() throws Exception {
        verifier.expiresAt.put("a", NOW + 3600);
        verifier.expiresAt.put("b", NOW + 3600);
        JsonWebToken a = cache.parse("a");
        JsonWebToken b = cache.parse("b");
        assertThat(a).isNotSameAs(b);
        assertThat(cache.parse("b")).isSameAs(b);
        assertThat(verifier.calls("a")).isEqualTo(1);
        assertThat(verifier.calls("b")).isEqualTo(1);
    }

    /** The delegate here accepts an expired token, so that only the cache's own time check is under test. */
    @Test
    void aRememberedTokenPastItsExpiryIsVerifiedAfresh() throws Exception {
        verifier.expiresAt.put("old", NOW - 1);
        cache.parse("old");
        cache.parse("old");
        assertThat(verifier.calls("old")).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.parse("forged")).isInstanceOf(ParseException.class);
        }
        assertThat(verifier.calls("forged")).isEqualTo(3);
    }

    @Test
    void aTokenRefusedOnceAndValidLaterIsTakenThen() throws Exception {
        assertThatThrownBy(() -> cache.parse("late")).isInstanceOf(ParseException.class);
        verifier.expiresAt.put("late", NOW + 3600);
        assertThat(cache.parse("late").getName()).isEqualTo("late");
    }

    /** Verifies a token whose expiry it was given, counting calls; refuses any other. */
    static final class Verifier extends Unused {
        final Map<String, Long> expiresAt = new HashMap<>();
        private final Map<String, Integer> calls = new HashMap<>();

        int calls(String token) {
            return calls.getOrDefault(token, 0);
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.merge(token, 1, Integer::sum);
            Long exp = expiresAt.get(token);
            if (exp == null) {
                throw new ParseException("refused " + token);
            }
            return new Token(token, exp);
        }
    }

    /** The decorator made concrete, as CDI does, over the test's verifier. */
    static final class Cached extends VerifiedTokenCache {
        private final JWTParser unused = new Unused();

        Cached(JWTParser delegate) {
            super(delegate, 100, Duration.ofMinutes(5));
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
            return unused.parse(token, context);
        }

        @Override
        public JsonWebToken verify(String token, PublicKey key) throws ParseException {
            return unused.verify(token, key);
        }

        @Override
        public JsonWebToken verify(String token, SecretKey key) throws ParseException {
            return unused.verify(token, key);
        }

        @Override
        public JsonWebToken verify(String token, String secret) throws ParseException {
            return unused.verify(token, secret);
        }

        @Override
        public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
            return unused.decrypt(token, key);
        }

        @Override
        public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
            return unused.decrypt(token, key);
        }

        @Override
        public JsonWebToken decrypt(String token, String secret) throws ParseException {
            return unused.decrypt(token, secret);
        }

        @Override
        public JsonWebToken parseOnly(String token) throws ParseException {
            return unused.parseOnly(token);
        }
    }

    /** Every JWTParser method but the one VerifiedTokenCache decorates fails the test if called. */
    static class Unused implements JWTParser {
        @Override
        public JsonWebToken parse(String token) throws ParseException {
            throw new AssertionError("not called in this test");
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public JsonWebToken verify(String token, PublicKey key) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public JsonWebToken verify(String token, SecretKey key) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public JsonWebToken verify(String token, String secret) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public JsonWebToken decrypt(String token, PrivateKey key) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public JsonWebToken decrypt(String token, SecretKey key) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public JsonWebToken decrypt(String token, String secret) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public JsonWebToken parseOnly(String token) {
            throw new AssertionError("not called in this test");
        }
    }

    record Token(String getName, long exp) implements JsonWebToken {
        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claim) {
            return "exp".equals(claim) ? (T) Long.valueOf(exp) : null;
        }

        @Override
        public long getExpirationTime() {
            return exp;
        }
    }
}

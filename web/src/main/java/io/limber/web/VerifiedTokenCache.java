package io.limber.web;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Remembers tokens this service has verified, so a member's app, which sends the same bearer token
 * on every call until it expires, costs one signature check instead of one per request (measured:
 * verifying was a sixth of session-service's CPU per recorded session).
 *
 * <p>Safe because every check but time is a pure function of the token text and this service's
 * fixed key, issuer and audience: the same text verifies the same way again. Time is checked on
 * every hit: a remembered token is used only before its {@code exp}; after it, the token is
 * verified afresh, which refuses it. Failures are never remembered. A rotated-out signing key
 * stops being trusted for remembered tokens after at most {@code limber.jwt.verified-cache.ttl}.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenCache implements JWTParser {

    private final JWTParser parser;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    VerifiedTokenCache(@Delegate @Any JWTParser parser, WebConfig.VerifiedCache cache) {
        this(parser, cache.size(), cache.ttl());
    }

    VerifiedTokenCache(JWTParser parser, long size, Duration ttl) {
        this.parser = parser;
        this.verified =
                Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && System.currentTimeMillis() / 1000 < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken jwt = parser.parse(token);
        verified.put(token, jwt);
        return jwt;
    }
}

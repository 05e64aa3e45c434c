package io.limber.infra.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signs RS256 bearer tokens shaped like the portal's (see ARCHITECTURE.md): {@code sub} is the
 * member id, {@code employer_id} the tenant, {@code groups} the roles. Used by the local run to
 * hand out demo tokens and by tests, never by the services, which only verify.
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
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", subject);
        claims.put("upn", subject);
        if (employerId != null) {
            claims.put("employer_id", employerId);
        }
        claims.put("groups", groups);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return sign(Map.of("alg", "RS256", "typ", "JWT"), claims);
    }

    /** Signs any claims as given: for tests that need an odd or broken token. */
    public String sign(Map<String, ?> header, Map<String, ?> claims) {
        String signingInput = base64Url(Json.write(header)) + "." + base64Url(Json.write(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with RS256", e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Just enough JSON for claims: strings, numbers, booleans, lists and nested maps. */
    static final class Json {
        private Json() {}

        static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof String s) {
                return quote(s);
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            if (value instanceof Iterable<?> items) {
                StringBuilder out = new StringBuilder("[");
                for (Object item : items) {
                    out.append(out.length() > 1 ? "," : "").append(write(item));
                }
                return out.append(']').toString();
            }
            if (value instanceof Map<?, ?> map) {
                return map.entrySet().stream()
                        .map(e -> quote(String.valueOf(e.getKey())) + ":" + write(e.getValue()))
                        .collect(Collectors.joining(",", "{", "}"));
            }
            throw new IllegalArgumentException("Cannot write " + value.getClass() + " as a claim");
        }

        private static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}

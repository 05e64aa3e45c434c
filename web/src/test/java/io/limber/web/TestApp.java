package io.limber.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.limber.infra.jwt.KeyPairFiles;
import io.limber.infra.jwt.TokenMinter;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The web module's test app trusts one key pair, kept under target/ so that the test resource
 * and the tests, loaded by different class loaders, sign and verify with the same pair. Only a
 * key: web needs no database and no broker, so infra's LimberTestResource is not used.
 */
@WithTestResource(value = TestApp.Keys.class, scope = TestResourceScope.GLOBAL)
public final class TestApp {

    private TestApp() {}

    static KeyPairFiles keys() {
        return KeyPairFiles.in(Path.of("target", "test-jwt").toAbsolutePath()).ensureExists();
    }

    static String token(String subject) {
        return token(subject, Duration.ofHours(1));
    }

    static String token(String subject, Duration lifetime) {
        return new TokenMinter(keys().loadPrivateKey(), TokenMinter.DEFAULT_ISSUER, TokenMinter.DEFAULT_AUDIENCE)
                .token(subject, null, List.of("member"), lifetime);
    }

    public static final class Keys implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return Map.of(
                    "mp.jwt.verify.publickey.location",
                    keys().publicKey().toUri().toString());
        }

        @Override
        public void stop() {}
    }
}

package io.limber.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.limber.infra.jwt.KeyPairFiles;

/**
 * The key pair of one test JVM, made on first use. Its folder is kept in a system property
 * because Quarkus loads the test resource and the test class in different class loaders, and
 * both must sign and verify with the same pair.
 */
final class TestKeys {

    private static final String PROPERTY = "limber.test.jwt.dir";

    private TestKeys() {}

    static synchronized KeyPairFiles get() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null) {
            try {
                Path folder = Files.createTempDirectory("limber-test-jwt");
                folder.toFile().deleteOnExit();
                dir = folder.toString();
                System.setProperty(PROPERTY, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        KeyPairFiles keys = KeyPairFiles.in(Path.of(dir)).ensureExists();
        keys.privateKey().toFile().deleteOnExit();
        keys.publicKey().toFile().deleteOnExit();
        return keys;
    }
}

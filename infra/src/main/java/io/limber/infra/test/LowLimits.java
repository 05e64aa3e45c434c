package io.limber.infra.test;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Limits low enough for a test to reach: three reads and two writes per caller, refilled one per
 * 10 s (so a slow machine cannot refill a bucket between two requests), two requests in flight,
 * and a pool of three connections that are given up on after 1 s.
 */
public class LowLimits implements QuarkusTestProfile {

    public static final int READ_BURST = 3;
    public static final int MAX_IN_FLIGHT = 2;
    public static final int POOL_SIZE = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        // %test.-prefixed: application.properties sets these for the test profile, which would win.
        return Map.of(
                "%test.limber.rate-limit.read.requests-per-second", "0.1",
                "%test.limber.rate-limit.read.burst", String.valueOf(READ_BURST),
                "%test.limber.rate-limit.write.requests-per-second", "0.1",
                "%test.limber.rate-limit.write.burst", "2",
                "limber.load-shedding.max-in-flight", String.valueOf(MAX_IN_FLIGHT),
                "quarkus.datasource.jdbc.max-size", String.valueOf(POOL_SIZE),
                "quarkus.datasource.jdbc.acquisition-timeout", "1S");
    }
}

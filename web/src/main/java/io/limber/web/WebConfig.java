package io.limber.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every setting of the HTTP layer the services share, in one place. The defaults every service
 * starts from are in this module's {@code META-INF/microprofile-config.properties}; a service's
 * {@code application.properties} or the environment (README "Configuration") overrides them.
 *
 * <p>A mapping per prefix, not one under {@code limber}: a mapping refuses keys under its prefix
 * that it does not know, and {@code limber.*} holds every service's own settings too. Static-init
 * safe because REST creates {@link EntitySizeLimit} then (in JVM mode that is at start anyway,
 * with the environment read).
 */
public final class WebConfig {

    private WebConfig() {}

    /** Requests per second per caller ({@link RateLimit}). */
    @StaticInitSafe
    @ConfigMapping(prefix = "limber.rate-limit")
    public interface RateLimits {
        boolean enabled();

        /** GET, HEAD and OPTIONS. */
        Bucket read();

        /** Every other method. */
        Bucket write();
    }

    public interface Bucket {
        double requestsPerSecond();

        /** How many may come at once before the rate applies. */
        int burst();
    }

    /** Requests in flight at once ({@link InFlightLimit}). */
    @StaticInitSafe
    @ConfigMapping(prefix = "limber.load-shedding")
    public interface LoadShedding {
        int maxInFlight();
    }

    @StaticInitSafe
    @ConfigMapping(prefix = "limber.http")
    public interface Http {
        /**
         * The largest request body, answered 413 problem+json above it ({@link BodySizeLimit},
         * {@link EntitySizeLimit}); {@link BodySizeBackstop} sets Vert.x's own limit from it.
         */
        MemorySize maxBodySize();
    }

    /** Tokens remembered once verified ({@link VerifiedTokenCache}). */
    @StaticInitSafe
    @ConfigMapping(prefix = "limber.jwt.verified-cache")
    public interface VerifiedCache {
        @WithDefault("5000")
        long size();

        @WithDefault("PT5M")
        Duration ttl();
    }

    @StaticInitSafe
    @ConfigMapping(prefix = "limber.events")
    public interface Events {
        /** The event types this service produces: their schemas are served ({@link EventContractResource}). */
        Optional<List<String>> producedTypes();
    }
}

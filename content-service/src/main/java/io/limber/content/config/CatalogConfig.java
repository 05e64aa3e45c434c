package io.limber.content.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "limber.catalog")
public interface CatalogConfig {

    /** How long a client or shared cache may reuse current published content without asking again. */
    @WithDefault("60s")
    Duration publishedMaxAge();

    /** Past revisions never change, so caches may keep them this long. */
    @WithDefault("P1D")
    Duration revisionMaxAge();

    /**
     * How long a replica reuses a rendered published response; 0 turns the cache off. Bounds how
     * late a publish on another replica shows here.
     */
    @WithDefault("5s")
    Duration readCacheTtl();

    /** Seeds the starter catalog (upper-back exercises and programs, movement breaks) on first start. */
    @WithDefault("true")
    boolean seed();
}

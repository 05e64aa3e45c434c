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

    /** Seeds the upper-back catalog on first start. */
    @WithDefault("true")
    boolean seed();
}

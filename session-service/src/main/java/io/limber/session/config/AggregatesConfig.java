package io.limber.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "limber.aggregates")
public interface AggregatesConfig {

    /** Any figure computed over fewer members than this is suppressed, so no one can be singled out. */
    @WithDefault("11")
    int minimumCohort();

    @WithDefault("5")
    int topExercises();

    /** The longest date range an admin may ask for at once. */
    @WithDefault("366")
    int maxDays();
}

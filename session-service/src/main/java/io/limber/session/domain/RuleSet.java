package io.limber.session.domain;

import io.limber.session.config.ToleranceConfig;

/**
 * The rules version and every threshold a recommendation depends on, stored with it so a
 * clinician can replay it (docs/progression.md). Recommendations made before versions were
 * stored carry {@code progression-1} and no thresholds.
 */
public record RuleSet(
        String version,
        Integer sweetSpotMax,
        Integer acceptableMax,
        Integer stopAt,
        Integer settledMargin,
        String morningTrendWindow,
        Integer meaningfulChange,
        Integer holdStepSeconds,
        Integer maxStepIncreasePercent,
        String checkInOpensAt,
        Integer checkInDays) {

    /**
     * The version of the rules in docs/progression.md. Raise it with every change to what a
     * report leads to.
     */
    public static final String CURRENT_VERSION = "progression-3";

    public static RuleSet current(ToleranceConfig config) {
        return new RuleSet(
                CURRENT_VERSION,
                config.sweetSpotMax(),
                config.acceptableMax(),
                config.stopAt(),
                config.settledMargin(),
                config.morningTrendWindow().toString(),
                config.meaningfulChange(),
                config.holdStepSeconds(),
                config.maxStepIncreasePercent(),
                config.checkInOpensAt().toString(),
                config.checkInDays());
    }
}

package io.limber.session.config;

import java.time.Duration;
import java.time.LocalTime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Thresholds of the pain-monitoring model (Silbernagel et al., Am J Sports Med 2007) on the 0-10
 * Numeric Pain Rating Scale. The defaults are the published ones; a clinical team may tune them.
 */
@ConfigMapping(prefix = "limber.tolerance")
public interface ToleranceConfig {

    /** Highest pain during or right after activity that still counts as the sweet spot. */
    @WithDefault("3")
    int sweetSpotMax();

    /** Highest pain during or right after activity that is acceptable (hold the dose). */
    @WithDefault("5")
    int acceptableMax();

    /** Pain at or above this, at any point, stops progression of the exercise. */
    @WithDefault("8")
    int stopAt();

    /** How far morning pain may exceed the pain before the session and still count as settled. */
    @WithDefault("0")
    int settledMargin();

    /** The window in which rising morning pain scales back. */
    @WithDefault("P7D")
    Duration morningTrendWindow();

    /**
     * The smallest change on the 0-10 scales that counts: morning pain or stiffness this much
     * above its lowest in the trend window is a rising trend, and the progress trend calls a
     * change this large improving or worsening. About 2 points is the minimal clinically
     * important difference of the numeric pain rating scale (Farrar et al., Pain 2001; Childs
     * et al., Spine 2005; docs/progression.md).
     */
    @WithDefault("2")
    int meaningfulChange();

    /** Seconds of hold one progression step adds or removes (at most; a step up adds less where its limit says so). */
    @WithDefault("5")
    int holdStepSeconds();

    /**
     * How much one step up may raise the dose's volume (sets x reps x seconds held), in percent.
     * Where no step of the exercise is that small, the smallest one is taken. Sources:
     * docs/progression.md.
     */
    @WithDefault("25")
    int maxStepIncreasePercent();

    /**
     * The member's local time on the day after a session from which its morning check-in counts
     * (the pain-monitoring model reads pain the morning after: Silbernagel et al. 2007).
     */
    @WithDefault("04:00")
    LocalTime checkInOpensAt();

    /**
     * Until the end of how many of the member's local days after the session's a morning
     * check-in counts: 2 is the next day and the day after, for a member who checks in late. At
     * least 1; session-service does not start with less.
     */
    @WithDefault("2")
    int checkInDays();
}

package io.limber.session.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.session.config.ToleranceConfig;

/**
 * The pain-monitoring model: pain up to the acceptable limit during and right after activity is
 * fine as long as it settles by the next morning and does not build up from day to day. Decides
 * the zone of an exercise from its latest report and recent morning check-ins, and the dosage for
 * next time, with a reason a clinician can read.
 */
@ApplicationScoped
public class ToleranceClassifier {

    private final ToleranceConfig config;

    public ToleranceClassifier(ToleranceConfig config) {
        this.config = config;
    }

    /**
     * @param latest the report just made or just completed by a morning check-in
     * @param recentMornings morning pain of this exercise's check-ins in the trend window, oldest
     *     first, including the latest report's own when it has one
     * @param stoppedEarlier whether an earlier recommendation already stopped this exercise
     */
    public Classification classify(
            Pain latest,
            List<Integer> recentMornings,
            boolean stoppedEarlier,
            Dosage current,
            DosageRange range,
            String exerciseName) {
        Dosage dose = range.clamp(current);
        int activityPain = Math.max(latest.during(), latest.after());
        int worstPain = latest.morning() == null ? activityPain : Math.max(activityPain, latest.morning());

        if (latest.sharpOrNew()) {
            return stop("Sharp or new pain was reported with " + exerciseName + ".");
        }
        if (worstPain >= config.stopAt()) {
            return stop("Pain reached " + worstPain + "/10 (" + config.stopAt() + "/10 or more) with " + exerciseName
                    + ".");
        }
        if (stoppedEarlier) {
            return stop("Progression of " + exerciseName + " was stopped after an earlier report.");
        }
        if (activityPain > config.acceptableMax()) {
            return scaleBack(
                    dose,
                    range,
                    "Pain reached " + activityPain + "/10 during or right after " + exerciseName + ", above the "
                            + config.acceptableMax() + "/10 that is acceptable.");
        }
        if (latest.morning() != null && !settled(latest)) {
            return scaleBack(
                    dose,
                    range,
                    "Pain had not settled by the next morning: " + latest.morning() + "/10 on waking against "
                            + latest.before() + "/10 before the session.");
        }
        if (rising(recentMornings)) {
            return scaleBack(
                    dose, range, "Morning pain has been rising over the last week (" + joined(recentMornings) + ").");
        }
        if (latest.morning() == null) {
            return new Classification(
                    Zone.HOLD,
                    dose,
                    "Pain stayed at " + activityPain + "/10; keep " + dose
                            + " until the next-morning check-in shows whether it settled.");
        }
        if (activityPain <= config.sweetSpotMax()) {
            Dosage next = range.stepUp(dose, config.holdStepSeconds());
            String change = next.equals(dose)
                    ? "already at the top of the exercise's range, so keep " + dose
                    : "scale up one step from " + dose + " to " + next;
            return new Classification(
                    Zone.SWEET_SPOT,
                    next,
                    "Pain stayed at " + activityPain + "/10 (at most " + config.sweetSpotMax()
                            + "/10) and settled by the next morning: the sweet spot; " + change + ".");
        }
        return new Classification(
                Zone.HOLD,
                dose,
                "Pain reached " + activityPain + "/10, acceptable (at most " + config.acceptableMax()
                        + "/10), and settled by the next morning; keep " + dose + ".");
    }

    private boolean settled(Pain pain) {
        return pain.morning() <= pain.before() + config.settledMargin();
    }

    private boolean rising(List<Integer> mornings) {
        int needed = config.risingCheckIns();
        if (needed < 2 || mornings.size() < needed) {
            return false;
        }
        List<Integer> last = mornings.subList(mornings.size() - needed, mornings.size());
        for (int i = 1; i < last.size(); i++) {
            if (last.get(i) <= last.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    private Classification scaleBack(Dosage dose, DosageRange range, String why) {
        Dosage next = range.stepDown(dose, config.holdStepSeconds());
        String change = next.equals(dose)
                ? " Already at the lowest dose of the range, so keep " + dose + "; do less rather than stop."
                : " Scale back one step from " + dose + " to " + next + ".";
        return new Classification(Zone.SCALE_BACK, next, why + change);
    }

    private static Classification stop(String why) {
        return new Classification(
                Zone.STOP,
                null,
                why + " Stop progressing this exercise and contact a clinician before doing it again.");
    }

    private static String joined(List<Integer> values) {
        return String.join(" -> ", values.stream().map(v -> v + "/10").toList());
    }

    /** The pain figures of one report; morning is null until the next-morning check-in. */
    public record Pain(int before, int during, int after, Integer morning, boolean sharpOrNew) {}

    /** @param dosage the dosage for next time; null in the stop zone */
    public record Classification(Zone zone, Dosage dosage, String reason) {}
}

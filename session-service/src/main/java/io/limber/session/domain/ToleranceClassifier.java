package io.limber.session.domain;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.events.session.RedFlag;
import io.limber.session.config.ToleranceConfig;

/**
 * The pain-monitoring model: pain up to the acceptable limit during and right after activity is
 * fine as long as it settles by the next morning and does not build up from day to day. Decides
 * the zone of an exercise from its latest report and recent morning check-ins, and the dosage for
 * next time, with a reason a clinician can read.
 */
@ApplicationScoped
public class ToleranceClassifier {

    /**
     * What an urgent answer tells the member, in our words, after the NHS pages on back pain
     * ("call 999 or go to A&E if you have back pain and chest pain"; "call 111 if ... a high
     * temperature ... worse at night ... from the top of your back") and on heart attack symptoms
     * (chest pain or pressure, pain spreading to the arms, shortness of breath). Sources:
     * docs/safety.md.
     */
    static final String URGENT_ADVICE = "Stop exercising now. With chest pain or pressure, shortness of breath,"
            + " or numbness or weakness in an arm, call your emergency number (999 in the UK, 911 in the US) now;"
            + " otherwise get urgent medical advice today (your doctor, or NHS 111 in the UK)."
            + " Every exercise is paused until a clinician has reviewed this.";

    private final ToleranceConfig config;

    public ToleranceClassifier(ToleranceConfig config) {
        this.config = config;
    }

    /**
     * @param latest the report just made or just completed by a morning check-in
     * @param recentMornings this exercise's morning check-ins in the trend window, oldest first,
     *     including the latest report's own when it has one
     * @param stoppedEarlier whether the exercise is stopped for the member (an earlier stop or
     *     urgent report not yet cleared by a clinician)
     * @param memberPaused whether an urgent flag of the member awaits a clinician's review, which
     *     pauses every exercise
     * @param steppedUpToday whether the dose of this exercise already stepped up on the member's
     *     current local day: one step up a day at most, whatever the number of sessions
     * @param lastTolerated the dose of the member's latest report of this exercise that settled
     *     by the next morning (hold or sweet spot), or null: a scale-back returns to it when it is
     *     less than the current dose
     */
    public Classification classify(
            Pain latest,
            List<Morning> recentMornings,
            boolean stoppedEarlier,
            boolean memberPaused,
            boolean steppedUpToday,
            Dosage current,
            Dosage lastTolerated,
            DosageRange range,
            String exerciseName) {
        Dosage tolerated = lastTolerated == null ? null : range.clamp(lastTolerated);
        Dosage dose = range.clamp(current);
        int activityPain = Math.max(latest.during(), latest.after());
        int worstPain = Math.max(latest.before(), activityPain);
        if (latest.morning() != null) {
            worstPain = Math.max(worstPain, latest.morning());
        }

        // Red flags first: they are not a dosing question at all (see docs/safety.md for the sources).
        if (!latest.redFlags().isEmpty()) {
            return new Classification(
                    Zone.URGENT,
                    null,
                    capitalised(describe(latest.redFlags())) + " reported with " + exerciseName + ". " + URGENT_ADVICE,
                    true);
        }
        if (latest.sharpOrNew()) {
            return stop("Sharp or new pain was reported with " + exerciseName + ".", true);
        }
        if (worstPain >= config.stopAt()) {
            String when = latest.before() == worstPain && activityPain < worstPain ? " before the session" : "";
            return stop(
                    "Pain reached " + worstPain + "/10" + when + " (" + config.stopAt() + "/10 or more) with "
                            + exerciseName + ".",
                    true);
        }
        if (memberPaused) {
            return stop(
                    "Every exercise is paused until a clinician has reviewed the urgent symptoms reported earlier.",
                    false);
        }
        if (stoppedEarlier) {
            return stop("Progression of " + exerciseName + " was stopped after an earlier report.", false);
        }
        if (activityPain > config.acceptableMax()) {
            return scaleBack(
                    dose,
                    tolerated,
                    range,
                    "Pain reached " + activityPain + "/10 during or right after " + exerciseName + ", above the "
                            + config.acceptableMax() + "/10 that is acceptable.");
        }
        if (latest.morning() != null && !settled(latest)) {
            return scaleBack(
                    dose,
                    tolerated,
                    range,
                    "Pain had not settled by the next morning: " + latest.morning() + "/10 on waking against "
                            + latest.before() + "/10 before the session.");
        }
        String rising = rising(recentMornings);
        if (rising != null) {
            return scaleBack(dose, tolerated, range, rising);
        }
        if (latest.morning() == null) {
            return new Classification(
                    Zone.HOLD,
                    dose,
                    "Pain stayed at " + activityPain + "/10; keep " + dose
                            + " until the next-morning check-in shows whether it settled.",
                    false);
        }
        if (activityPain <= config.sweetSpotMax()) {
            int limit = config.maxStepIncreasePercent();
            Dosage next = range.stepUp(dose, config.holdStepSeconds(), limit);
            String change;
            if (steppedUpToday && !next.equals(dose)) {
                next = dose;
                change = "the dose already stepped up today and steps up at most once a day, so keep " + dose
                        + " until tomorrow";
            } else if (next.equals(dose)) {
                change = "already at the top of the exercise's range, so keep " + dose;
            } else if (DosageRange.exceeds(dose, next, limit)) {
                change = "scale up one step from " + dose + " to " + next + " (+"
                        + DosageRange.percentChange(dose, next) + "% volume: no step of this exercise is "
                        + limit + "% or less, so the smallest)";
            } else {
                change = "scale up one step from " + dose + " to " + next + " (+"
                        + DosageRange.percentChange(dose, next) + "% volume, at most " + limit + "%)";
            }
            return new Classification(
                    Zone.SWEET_SPOT,
                    next,
                    "Pain stayed at " + activityPain + "/10 (at most " + config.sweetSpotMax()
                            + "/10) and settled by the next morning: the sweet spot; " + change + ".",
                    false);
        }
        return new Classification(
                Zone.HOLD,
                dose,
                "Pain reached " + activityPain + "/10, acceptable (at most " + config.acceptableMax()
                        + "/10), and settled by the next morning; keep " + dose + ".",
                false);
    }

    private boolean settled(Pain pain) {
        return pain.morning() <= pain.before() + config.settledMargin();
    }

    /**
     * Morning pain or stiffness at least a meaningful change above its lowest earlier value in
     * the window (2 -> 5 -> 5 rises by 3), said as a reason; null when neither rose.
     */
    private String rising(List<Morning> mornings) {
        String pain = rise("pain", mornings.stream().map(Morning::pain).toList());
        return pain != null
                ? pain
                : rise("stiffness", mornings.stream().map(Morning::stiffness).toList());
    }

    private String rise(String what, List<Integer> values) {
        List<Integer> known = values.stream().filter(v -> v != null).toList();
        if (known.size() < 2) {
            return null;
        }
        int latest = known.get(known.size() - 1);
        int lowest = known.subList(0, known.size() - 1).stream()
                .mapToInt(Integer::intValue)
                .min()
                .orElseThrow();
        if (latest - lowest < config.meaningfulChange()) {
            return null;
        }
        return "Morning " + what + " has been rising: " + joined(known) + " over the last "
                + config.morningTrendWindow().toDays() + " days, up " + (latest - lowest) + " points ("
                + config.meaningfulChange() + " or more is a real change).";
    }

    /**
     * Back to the last dose that settled when it is less than this one (a flare after a step up
     * returns to the dose before it, not to one step below the new dose); else one step down.
     */
    private Classification scaleBack(Dosage dose, Dosage tolerated, DosageRange range, String why) {
        if (tolerated != null && tolerated.volume() < dose.volume()) {
            return new Classification(
                    Zone.SCALE_BACK,
                    tolerated,
                    why + " Scale back from " + dose + " to " + tolerated
                            + ", the last dose that settled by the next morning.",
                    false);
        }
        Dosage next = range.stepDown(dose, config.holdStepSeconds());
        String change = next.equals(dose)
                ? " Already at the lowest dose of the range, so keep " + dose + "; do less rather than stop."
                : " Scale back one step from " + dose + " to " + next + ".";
        return new Classification(Zone.SCALE_BACK, next, why + change, false);
    }

    private static Classification stop(String why, boolean raisesFlag) {
        return new Classification(
                Zone.STOP,
                null,
                why + " Stop progressing this exercise and contact a clinician before doing it again.",
                raisesFlag);
    }

    private static String describe(Set<RedFlag> flags) {
        List<String> words = flags.stream().sorted().map(RedFlag::description).toList();
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String joined(List<Integer> values) {
        return String.join(" -> ", values.stream().map(v -> v + "/10").toList());
    }

    /**
     * The pain figures of one report; morning is null until the next-morning check-in.
     *
     * @param redFlags the red-flag questions answered yes
     */
    public record Pain(int before, int during, int after, Integer morning, boolean sharpOrNew, Set<RedFlag> redFlags) {

        public Pain {
            redFlags = redFlags == null ? Set.of() : Set.copyOf(redFlags);
        }

        public Pain(int before, int during, int after, Integer morning, boolean sharpOrNew) {
            this(before, during, after, morning, sharpOrNew, Set.of());
        }
    }

    /** One morning check-in: pain and stiffness on waking, 0-10; stiffness may be missing. */
    public record Morning(Integer pain, Integer stiffness) {}

    /**
     * @param dosage the dosage for next time; null in the stop and urgent zones
     * @param raisesFlag whether this report is itself a new safety concern for a clinician to
     *     review (a red flag, sharp or new pain, pain at the stop threshold), rather than a stop
     *     that an earlier concern still holds
     */
    public record Classification(Zone zone, Dosage dosage, String reason, boolean raisesFlag) {}
}

package io.limber.session.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The bounds a progression may move an exercise's dosage within, as the catalog publishes them,
 * and the steps it moves by. A step up is small: a rep, else a few seconds of hold, else a set
 * (with fewer reps or a shorter hold, so the extra set is not a doubling), the first of these that
 * raises the volume ({@link Dosage#volume()}) by at most the step limit. Where none of them is
 * that small (a first rep on a one-rep stretch is +100%), the smallest of them is taken. The
 * rules and their sources are in docs/progression.md.
 */
public record DosageRange(Dosage min, Dosage max) {

    /**
     * One step up, or the same (clamped) dosage when it is at the top of the range.
     *
     * @param holdStep seconds of hold a step adds at most
     * @param maxIncreasePercent how much a step may raise the volume
     */
    public Dosage stepUp(Dosage current, int holdStep, int maxIncreasePercent) {
        Dosage dose = clamp(current);
        long volume = dose.volume();
        long limit = volume * (100 + maxIncreasePercent) / 100;
        List<Dosage> candidates = new ArrayList<>(3);
        moreReps(dose).ifPresent(candidates::add);
        longerHold(dose, holdStep, limit).ifPresent(candidates::add);
        moreSets(dose, limit).ifPresent(candidates::add);
        for (Dosage candidate : candidates) {
            if (candidate.volume() <= limit) {
                return candidate;
            }
        }
        return candidates.stream().min(Comparator.comparingLong(Dosage::volume)).orElse(dose);
    }

    /** Whether {@code next} raises the volume of {@code current} by more than the limit. */
    public static boolean exceeds(Dosage current, Dosage next, int maxIncreasePercent) {
        return next.volume() * 100 > current.volume() * (100 + maxIncreasePercent);
    }

    /** The volume change from {@code current} to {@code next}, in whole percent. */
    public static long percentChange(Dosage current, Dosage next) {
        long before = current.volume();
        return before == 0 ? 0 : Math.round((next.volume() - before) * 100.0 / before);
    }

    /** One step down (the same order: a rep, some hold, a set), or the same at the bottom. */
    public Dosage stepDown(Dosage current, int holdStep) {
        Dosage dose = clamp(current);
        if (dose.reps() != null && min.reps() != null && dose.reps() > min.reps()) {
            return new Dosage(dose.sets(), dose.reps() - 1, dose.holdSeconds());
        }
        if (dose.holdSeconds() != null && min.holdSeconds() != null && dose.holdSeconds() > min.holdSeconds()) {
            return new Dosage(dose.sets(), dose.reps(), Math.max(dose.holdSeconds() - holdStep, min.holdSeconds()));
        }
        if (dose.sets() > min.sets()) {
            return new Dosage(dose.sets() - 1, dose.reps(), dose.holdSeconds());
        }
        return dose;
    }

    /** A dosage moved inside the range, for when the catalog narrowed the bounds since. */
    public Dosage clamp(Dosage dose) {
        return new Dosage(
                clamp(dose.sets(), min.sets(), max.sets()),
                clamp(dose.reps(), min.reps(), max.reps()),
                clamp(dose.holdSeconds(), min.holdSeconds(), max.holdSeconds()));
    }

    private Optional<Dosage> moreReps(Dosage dose) {
        if (dose.reps() == null || !below(dose.reps(), max.reps())) {
            return Optional.empty();
        }
        return Optional.of(new Dosage(dose.sets(), dose.reps() + 1, dose.holdSeconds()));
    }

    /** Up to holdStep seconds more, as much of it as the limit allows, at least one second. */
    private Optional<Dosage> longerHold(Dosage dose, int holdStep, long limit) {
        Integer hold = dose.holdSeconds();
        if (hold == null || !below(hold, max.holdSeconds())) {
            return Optional.empty();
        }
        long perSecond = dose.volume() / hold;
        long withinLimit = limit / perSecond;
        long longest = Math.min(hold + (long) Math.max(1, holdStep), max.holdSeconds());
        int next = (int) Math.max(hold + 1, Math.min(longest, withinLimit));
        return Optional.of(new Dosage(dose.sets(), dose.reps(), next));
    }

    /**
     * One set more, with reps (first) or hold cut back as far as needed to stay within the limit,
     * never below their minimum: the dose with the most volume within the limit, or else the one
     * with the least volume above the current.
     */
    private Optional<Dosage> moreSets(Dosage dose, long limit) {
        if (!below(dose.sets(), max.sets())) {
            return Optional.empty();
        }
        int sets = dose.sets() + 1;
        long volume = dose.volume();
        Dosage best = null;
        Dosage smallestOver = null;
        for (Integer hold : downFrom(dose.holdSeconds(), min.holdSeconds())) {
            for (Integer reps : downFrom(dose.reps(), min.reps())) {
                Dosage candidate = new Dosage(sets, reps, hold);
                long v = candidate.volume();
                if (v <= volume) {
                    break; // fewer reps only lowers it further
                }
                if (v <= limit) {
                    if (best == null || v > best.volume()) {
                        best = candidate;
                    }
                    break; // the most reps within the limit at this hold
                }
                if (smallestOver == null || v < smallestOver.volume()) {
                    smallestOver = candidate;
                }
            }
        }
        return Optional.ofNullable(best != null ? best : smallestOver);
    }

    /** From value down to its minimum (at least 1); just null for an axis the exercise lacks. */
    private static List<Integer> downFrom(Integer value, Integer minimum) {
        List<Integer> values = new ArrayList<>();
        if (value == null) {
            values.add(null);
            return values;
        }
        int floor = Math.max(1, minimum == null ? 1 : minimum);
        for (int v = value; v >= Math.min(floor, value); v--) {
            values.add(v);
        }
        return values;
    }

    /** An axis without a published maximum does not grow. */
    private static boolean below(int value, Integer maximum) {
        return maximum != null && value < maximum;
    }

    private static Integer clamp(Integer value, Integer low, Integer high) {
        if (value == null) {
            return null;
        }
        int result = value;
        if (low != null) {
            result = Math.max(result, low);
        }
        if (high != null) {
            result = Math.min(result, high);
        }
        return result;
    }
}

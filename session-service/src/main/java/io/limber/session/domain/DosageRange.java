package io.limber.session.domain;

/**
 * The bounds a progression may move an exercise's dosage within, as the catalog publishes them,
 * and the single steps it moves by: a rep, a few seconds of hold, then a set.
 */
public record DosageRange(Dosage min, Dosage max) {

    /** One step up, or the same dosage when it is already at the top of the range. */
    public Dosage stepUp(Dosage current, int holdStep) {
        Dosage dose = clamp(current);
        if (dose.reps() != null && max.reps() != null && dose.reps() < max.reps()) {
            return new Dosage(dose.sets(), dose.reps() + 1, dose.holdSeconds());
        }
        if (dose.holdSeconds() != null && max.holdSeconds() != null && dose.holdSeconds() < max.holdSeconds()) {
            return new Dosage(dose.sets(), dose.reps(), Math.min(dose.holdSeconds() + holdStep, max.holdSeconds()));
        }
        if (dose.sets() < max.sets()) {
            return new Dosage(dose.sets() + 1, dose.reps(), dose.holdSeconds());
        }
        return dose;
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

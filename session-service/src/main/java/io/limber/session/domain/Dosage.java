package io.limber.session.domain;

/** How much of an exercise to do; reps or holdSeconds are null when they do not apply to it. */
public record Dosage(int sets, Integer reps, Integer holdSeconds) {

    /**
     * The volume a progression step is measured by: sets x reps x seconds held, where an exercise
     * without reps counts one per set and one without a hold counts one per rep. So a
     * strengthening exercise's volume is its repetitions, a stretch's its seconds in the stretch,
     * and a held rep's its seconds under load (docs/progression.md).
     */
    public long volume() {
        return (long) sets * (reps == null ? 1 : reps) * (holdSeconds == null ? 1 : holdSeconds);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(sets).append(sets == 1 ? " set" : " sets");
        if (reps != null) {
            text.append(" of ").append(reps).append(" reps");
        }
        if (holdSeconds != null) {
            text.append(reps != null ? ", " : " of ").append(holdSeconds).append(" s hold");
        }
        return text.toString();
    }
}

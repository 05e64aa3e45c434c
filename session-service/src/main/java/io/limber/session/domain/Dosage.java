package io.limber.session.domain;

/** How much of an exercise to do; reps or holdSeconds are null when they do not apply to it. */
public record Dosage(int sets, Integer reps, Integer holdSeconds) {

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

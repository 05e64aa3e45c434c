package io.limber.session.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a recorded session shows was done, as a dose to step from when it falls short of the
 * prescription (docs/progression.md): the sets of the side that did fewer (a set on "both" sides
 * counts for each), the fewest reps and the shortest hold of any set. Sets with neither reps nor
 * hold count for nothing. Doing more than prescribed changes nothing: the prescription stands.
 */
public final class PerformedDose {

    /** One recorded set: side is left, right or both. */
    public record Set(String side, Integer reps, Integer holdSeconds) {

        boolean done() {
            return positive(reps) || positive(holdSeconds);
        }
    }

    private PerformedDose() {}

    /** The dose performed when it is less than {@code prescribed}; empty when it is not. */
    public static Optional<Dosage> shortOf(Dosage prescribed, List<Set> sets) {
        List<Set> done = sets.stream().filter(Set::done).toList();
        long both = done.stream().filter(s -> "both".equals(s.side())).count();
        long left = done.stream().filter(s -> "left".equals(s.side())).count();
        long right = done.stream().filter(s -> "right".equals(s.side())).count();
        long count = left == 0 && right == 0 ? both : Math.min(left, right) + both;
        Integer reps = prescribed.reps() == null
                ? null
                : fewest(done.stream().map(Set::reps).toList(), prescribed.reps());
        Integer hold = prescribed.holdSeconds() == null
                ? null
                : fewest(done.stream().map(Set::holdSeconds).toList(), prescribed.holdSeconds());
        Dosage performed = new Dosage((int) Math.min(count, Integer.MAX_VALUE), reps, hold);
        return performed.volume() < prescribed.volume() ? Optional.of(performed) : Optional.empty();
    }

    /** The smallest positive value recorded, or the prescribed one when none was recorded. */
    private static Integer fewest(List<Integer> values, int prescribed) {
        return values.stream()
                .filter(Objects::nonNull)
                .filter(PerformedDose::positive)
                .min(Integer::compare)
                .map(v -> Math.min(v, prescribed))
                .orElse(prescribed);
    }

    private static boolean positive(Integer value) {
        return value != null && value > 0;
    }
}

package io.limber.benchmarks;

import java.util.List;

/**
 * A target a benchmark is held to, and whether this run met it.
 *
 * @param figure what the target is measured by, for the results file; null where a check is only
 *     pass or fail
 */
record Check(String description, boolean passed, Figure figure) {

    /** A measured value: a ratio to a yardstick in the same run, or a latency. */
    record Figure(String name, double value, String unit) {}

    Check(String description, boolean passed) {
        this(description, passed, null);
    }

    /** Prints each check and a closing line, and adds them to the results file if one is set; true when every target was met. */
    static boolean report(String benchmark, List<Check> checks) {
        System.out.println();
        long passed = checks.stream().filter(Check::passed).count();
        for (Check c : checks) {
            System.out.println((c.passed() ? "PASS " : "FAIL ") + c.description());
        }
        System.out.printf("%s: %d passed, %d failed%n", benchmark, passed, checks.size() - passed);
        Results.append(benchmark, checks);
        return passed == checks.size();
    }
}

package io.limber.benchmarks;

import java.util.List;

/** A target a benchmark is held to, and whether this run met it. */
record Check(String description, boolean passed) {

    /** Prints each check and a closing line; true when every target was met. */
    static boolean report(String benchmark, List<Check> checks) {
        System.out.println();
        long passed = checks.stream().filter(Check::passed).count();
        for (Check c : checks) {
            System.out.println((c.passed() ? "PASS " : "FAIL ") + c.description());
        }
        System.out.printf("%s: %d passed, %d failed%n", benchmark, passed, checks.size() - passed);
        return passed == checks.size();
    }
}

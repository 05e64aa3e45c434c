package io.limber.benchmarks;

import java.util.Arrays;

/** Entry point: {@code java -jar limber-benchmarks.jar catalog|sessions|prompts|faults|soak|chart [--option value ...]}. */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(
                    "usage: java -jar limber-benchmarks.jar catalog|sessions|prompts|faults|soak|chart [--name value ...]");
            System.exit(2);
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        boolean passed = switch (args[0]) {
            case "catalog" -> new CatalogReadBenchmark(options).run();
            case "sessions" -> new SessionWriteBenchmark(options).run();
            case "prompts" -> new PromptDispatchBenchmark(options).run();
            case "faults" -> new FaultSuite(options).run();
            case "soak" -> new MixedLoad(options).run();
            case "chart" -> new HistoryChart(options).run();
            default -> throw new IllegalArgumentException("Unknown benchmark " + args[0]);
        };
        System.exit(passed ? 0 : 1);
    }
}

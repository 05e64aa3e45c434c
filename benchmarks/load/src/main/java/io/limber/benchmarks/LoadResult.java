package io.limber.benchmarks;

import org.HdrHistogram.Histogram;

/** What one load phase measured; latencies in microseconds. */
record LoadResult(String name, long ok, long failed, double seconds, Histogram latency) {

    double perSecond() {
        return ok / seconds;
    }

    double p50Millis() {
        return latency.getValueAtPercentile(50) / 1000.0;
    }

    double p99Millis() {
        return latency.getValueAtPercentile(99) / 1000.0;
    }

    double maxMillis() {
        return latency.getMaxValue() / 1000.0;
    }

    String row() {
        return String.format(
                "%-34s %10.0f/s %9.2f ms %9.2f ms %9.2f ms %8d",
                name, perSecond(), p50Millis(), p99Millis(), maxMillis(), failed);
    }

    static String header() {
        return String.format("%-34s %12s %12s %12s %12s %8s", "scenario", "throughput", "p50", "p99", "max", "failed");
    }
}

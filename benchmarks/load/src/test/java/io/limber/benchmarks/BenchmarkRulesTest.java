package io.limber.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkRulesTest {

    private static final HttpLoad.Steadiness FIVE_PERCENT =
            new HttpLoad.Steadiness(Duration.ofSeconds(10), 0.05, Duration.ofSeconds(240));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "1000; false", // one window proves nothing
                "1000, 1300; false",
                "1000, 1300, 1340; true", // 3% apart
                "1300, 1340, 1000; false", // the last two decide, not any two
                "950, 1000; true", // exactly 5% of the larger
                "949, 1000; false",
                "0, 0; true" // nothing answered twice is steady, and the checks fail on what it measured
            })
    void aWarmUpIsOverWhenTheLastTwoWindowsAgreeWithinTheTolerance(String rates, boolean settled) {
        List<Double> values = List.of(rates.split(",")).stream()
                .map(String::trim)
                .map(Double::valueOf)
                .toList();
        assertThat(FIVE_PERCENT.settled(values)).isEqualTo(settled);
    }

    @Test
    void aResultsRowReadsBackAsWritten() {
        Results.Row row = new Results.Row(
                "2026-12-02T1900Z", "abc1234", "session writes", "p99 < 25 ms, \"quoted\"", true, "p99", 12.5, "ms");
        assertThat(Results.Row.parse(row.csv())).isEqualTo(row);
        Results.Row bare = new Results.Row("r", "c", "b", "exactly once", false, "", null, "");
        assertThat(Results.Row.parse(bare.csv())).isEqualTo(bare);
    }

    @Test
    void theChartIsAPngOfTheRatios(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history.csv");
        Files.writeString(
                history,
                Results.HEADER + "\n"
                        + new Results.Row("run-1", "a", "s", "c", true, "session POST / bare", 0.6, "x yardstick").csv()
                        + "\n"
                        + new Results.Row("run-2", "b", "s", "c", false, "session POST / bare", 0.4, "x yardstick")
                                .csv()
                        + "\n");
        Path png = dir.resolve("history.png");
        new HistoryChart(Options.parse(new String[] {"--history", history.toString(), "--out", png.toString()})).run();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}

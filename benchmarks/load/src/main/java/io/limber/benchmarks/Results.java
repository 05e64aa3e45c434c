package io.limber.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results file {@code benchmarks/all.sh} keeps: one CSV row per check of a run, so the history
 * shows a change that costs speed. Written only when {@code LIMBER_BENCH_RESULTS} names a file;
 * {@code LIMBER_BENCH_RUN} (when) and {@code LIMBER_BENCH_COMMIT} (what) label the rows.
 */
final class Results {

    static final String HEADER = "run,commit,benchmark,check,passed,figure,value,unit";

    /** One row of the file. */
    record Row(
            String run,
            String commit,
            String benchmark,
            String check,
            boolean passed,
            String figure,
            Double value,
            String unit) {

        String csv() {
            return String.join(
                    ",",
                    quoted(run),
                    quoted(commit),
                    quoted(benchmark),
                    quoted(check),
                    String.valueOf(passed),
                    quoted(figure),
                    value == null ? "" : String.format(Locale.ROOT, "%.4f", value),
                    quoted(unit));
        }

        static Row parse(String line) {
            List<String> f = fields(line);
            if (f.size() != 8) {
                throw new IllegalArgumentException("Expected 8 fields: " + line);
            }
            return new Row(
                    f.get(0),
                    f.get(1),
                    f.get(2),
                    f.get(3),
                    Boolean.parseBoolean(f.get(4)),
                    f.get(5),
                    f.get(6).isEmpty() ? null : Double.valueOf(f.get(6)),
                    f.get(7));
        }
    }

    private Results() {}

    static void append(String benchmark, List<Check> checks) {
        String file = System.getenv("LIMBER_BENCH_RESULTS");
        if (file == null || file.isBlank()) {
            return;
        }
        String run = System.getenv().getOrDefault("LIMBER_BENCH_RUN", "");
        String commit = System.getenv().getOrDefault("LIMBER_BENCH_COMMIT", "");
        List<String> lines = new ArrayList<>();
        for (Check c : checks) {
            Check.Figure f = c.figure();
            lines.add(new Row(
                            run,
                            commit,
                            benchmark,
                            c.description(),
                            c.passed(),
                            f == null ? "" : f.name(),
                            f == null ? null : f.value(),
                            f == null ? "" : f.unit())
                    .csv());
        }
        write(Path.of(file), lines);
    }

    static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.equals(HEADER)) {
                rows.add(Row.parse(line));
            }
        }
        return rows;
    }

    private static void write(Path file, List<String> lines) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (!Files.exists(file)) {
                Files.writeString(file, HEADER + "\n", StandardCharsets.UTF_8);
            }
            Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String value) {
        return "\"" + (value == null ? "" : value.replace("\"", "\"\"")) + "\"";
    }

    /** The fields of one CSV line, with RFC 4180 quoting. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString());
        return out;
    }
}

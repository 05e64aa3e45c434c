package io.limber.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problem registry, {@code docs/problems.md}, as tests read it: every problem type URI a
 * service may answer with, its status and its meaning, one table row each.
 */
public final class ProblemRegistry {

    private static final Pattern ROW =
            Pattern.compile("^\\| `(https://problems\\.limber\\.io/[a-z-]+)` \\| (\\d{3}) \\|");

    private static volatile List<String> lines;

    private ProblemRegistry() {}

    /** Of these rows (web's {@code ProblemType.registryRow()}), those the registry does not hold word for word. */
    public static List<String> undocumented(Collection<String> rows) {
        List<String> held = lines();
        return rows.stream().filter(row -> !held.contains(row)).toList();
    }

    /** Every documented type URI and its status. */
    public static Map<String, Integer> documented() {
        Map<String, Integer> types = new HashMap<>();
        for (String line : lines()) {
            Matcher row = ROW.matcher(line);
            if (row.find() && types.put(row.group(1), Integer.parseInt(row.group(2))) != null) {
                throw new IllegalStateException("The problem registry lists " + row.group(1) + " twice");
            }
        }
        return types;
    }

    private static List<String> lines() {
        if (lines == null) {
            lines = read(document());
        }
        return lines;
    }

    /** The repository's registry, found from the working directory of a module's tests upwards. */
    static Path document() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/problems.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "No docs/problems.md above " + Path.of("").toAbsolutePath());
    }

    private static List<String> read(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

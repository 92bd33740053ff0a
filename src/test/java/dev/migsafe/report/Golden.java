package dev.migsafe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a rendered report with its expected file under {@code src/test/resources/golden/}.
 *
 * <p>To regenerate the expected files after an intended change, run
 * {@code mvn -q test -Dtest=GoldenReportsTest -Dmigsafe.updateGolden=true}, then review the diff with
 * {@code git diff src/test/resources/golden/} before committing it.
 */
final class Golden {
    static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    static void check(String name, ReportWriter writer, Report report) {
        StringWriter out = new StringWriter();
        try {
            writer.write(report, out);
            Path expected = DIR.resolve(name);
            String actual = out.toString().replace(System.lineSeparator(), "\n");
            if (Boolean.getBoolean("migsafe.updateGolden")) {
                Files.createDirectories(DIR);
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
                return;
            }
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual,
                    name + " differs from " + expected + " (regenerate with -Dmigsafe.updateGolden=true if intended)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.migsafe.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.migsafe.BadInputException;
import dev.migsafe.AtomicFiles;
import dev.migsafe.rules.Finding;

/**
 * The findings a team accepted when it adopted migsafe ({@code migsafe-baseline.json}). Later runs
 * mark findings found here as baselined: reported, but not counted, so that only new findings fail.
 * Findings are matched by {@link Fingerprint} (not by line), one baseline entry per finding.
 *
 * @param schemaVersion format of this file
 * @param fingerprint   recipe of the fingerprints ({@link Fingerprint#VERSION})
 * @param findings      the accepted findings; everything but the fingerprint is there for reviewers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Baseline(int schemaVersion, String fingerprint, List<Entry> findings) {
    public static final String FILE_NAME = "migsafe-baseline.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Baseline {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** One accepted finding. {@code line} is informational: matching ignores it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String fingerprint, String ruleId, String file, int line, String object, String severity,
                        String statement) {
    }

    /**
     * @param findings  the findings, those in the baseline marked
     * @param unmatched baseline entries no finding matched any more (fixed since, or their statement edited)
     */
    public record Match(List<Finding> findings, int matched, int unmatched) {
    }

    /** Today's findings as a baseline; suppressed ones are left out (their comment already covers them). */
    public static Baseline of(List<Finding> findings) {
        List<Entry> entries = findings.stream().filter(f -> !f.suppressed())
                .map(f -> new Entry(Fingerprint.of(f), f.ruleId(), f.file(), f.line(),
                        f.object() == null || f.object().isEmpty() ? null : f.object(), f.severity().id(), f.statement()))
                .toList();
        return new Baseline(1, Fingerprint.VERSION, entries);
    }

    /** Marks the findings recorded here, each entry matching at most one finding. */
    public Match apply(List<Finding> current) {
        Map<String, Integer> remaining = new HashMap<>();
        findings.forEach(e -> remaining.merge(e.fingerprint(), 1, Integer::sum));
        List<Finding> out = new ArrayList<>(current.size());
        int matched = 0;
        for (Finding f : current) {
            String fp = Fingerprint.of(f);
            Integer left = remaining.get(fp);
            if (!f.suppressed() && left != null && left > 0) {
                remaining.put(fp, left - 1);
                out.add(f.markBaselined());
                matched++;
            } else {
                out.add(f);
            }
        }
        return new Match(out, matched, findings.size() - matched);
    }

    /**
     * @param shown the path as users should see it, for messages
     */
    public static Baseline read(Path file, String shown) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(shown + ": no such baseline file; create it with 'migsafe baseline'");
        } catch (IOException e) {
            throw new BadInputException(shown + ": cannot read the baseline (" + e.getMessage() + ")");
        }
        Baseline b;
        try {
            b = MAPPER.readValue(text, Baseline.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
            throw new BadInputException(shown + (line > 0 ? ":" + line : "") + ": not a migsafe baseline ("
                    + e.getOriginalMessage() + "); re-create it with 'migsafe baseline'");
        }
        if (b == null || b.schemaVersion() != 1) {
            throw new BadInputException(shown + ": unsupported baseline version "
                    + (b == null ? "(empty file)" : b.schemaVersion()) + "; re-create it with 'migsafe baseline'");
        }
        if (!Fingerprint.VERSION.equals(b.fingerprint())) {
            throw new BadInputException(shown + ": fingerprints of recipe '" + b.fingerprint() + "', this migsafe uses '"
                    + Fingerprint.VERSION + "'; re-create the baseline with 'migsafe baseline'");
        }
        for (Entry e : b.findings()) {
            if (e.fingerprint() == null || e.fingerprint().isBlank()) {
                throw new BadInputException(shown + ": an entry (" + e.ruleId() + " at " + e.file() + ":" + e.line()
                        + ") has no fingerprint; re-create the baseline with 'migsafe baseline'");
            }
        }
        return b;
    }

    /** Writes the file atomically (a temporary file moved into place). */
    public void write(Path file) {
        String json;
        try {
            json = MAPPER.writeValueAsString(this) + System.lineSeparator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeAll(Map.of(file, json));
    }
}

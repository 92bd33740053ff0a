package dev.migsafe.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.migsafe.BadInputException;

/** A value of {@code --format}: its name and the file it is written to under {@code --output}. */
public interface OutputFormat {

    String id();

    String fileName();

    /**
     * The formats of a {@code --format} option, in the order asked, each once.
     *
     * @param asked     the option's values (empty when not given)
     * @param all       every format the command writes
     * @param byDefault the format when none is asked for
     */
    static <F extends OutputFormat> List<F> parse(List<String> asked, F[] all, F byDefault) {
        if (asked.isEmpty()) {
            return List.of(byDefault);
        }
        List<F> out = new ArrayList<>();
        for (String name : asked) {
            F format = Arrays.stream(all).filter(f -> f.id().equals(name.trim().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new BadInputException("--format " + name + ": unknown format; use one of "
                            + String.join(", ", Arrays.stream(all).map(OutputFormat::id).toList())));
            if (!out.contains(format)) {
                out.add(format);
            }
        }
        return out;
    }
}

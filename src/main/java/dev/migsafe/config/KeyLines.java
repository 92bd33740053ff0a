package dev.migsafe.config;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * The line of every key and list item of a YAML document, by path ("/verify/foo",
 * "/migrations/0"). Jackson's binding errors carry the path reliably but not always the line (values
 * of records are buffered), so messages look the line up here.
 */
final class KeyLines {
    private final Map<String, Integer> lines;

    private KeyLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static KeyLines of(JsonFactory factory, byte[] yaml) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = factory.createParser(yaml)) {
            while (p.nextToken() != null) {
                // the key's own token comes first, so its line wins over its value's
                lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
            }
        }
        return new KeyLines(lines);
    }

    /** The line of the error's key, or of its nearest enclosing key; 0 when unknown. */
    int lineOf(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        for (int n = refs.size(); n > 0; n--) {
            Integer line = lines.get(pointer(refs.subList(0, n)));
            if (line != null && line > 0) {
                return line;
            }
        }
        return 0;
    }

    /** The line of a key given as a JSON pointer ({@code /rules/BC102}); 0 when unknown. */
    int lineOf(String pointer) {
        return lines.getOrDefault(pointer, 0);
    }

    private static String pointer(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            out.append('/');
            if (ref.getFieldName() != null) {
                out.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                out.append(ref.getIndex());
            }
        }
        return out.toString();
    }
}

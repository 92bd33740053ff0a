package dev.migsafe.source;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A migration tool's settings file as flat dotted keys: Java properties ({@code flyway.conf},
 * {@code application.properties}), Spring's YAML (the documents without a profile) and TOML
 * ({@code flyway.toml}). Arrays become Flyway's comma-separated form.
 */
public final class SettingsFileKeys {
    /** A TOML line, matched without backtracking (possessive), so a pull request's long line costs one pass. */
    private static final Pattern TOML_SECTION = Pattern.compile("^\\s*+\\[([^\\]]++)\\]\\s*+(?:#.*)?$");
    private static final Pattern TOML_VALUE = Pattern.compile(
            "^\\s*+([\\w.\"-]++)\\s*+=\\s*+(\"(?:[^\"\\\\]|\\\\.)*+\"|'[^']*+'|[^#]*+)\\s*+(?:#.*)?$");

    private SettingsFileKeys() {
    }

    /**
     * The file's settings as dotted keys ("spring.flyway.placeholders.owner" -> "app"); the file's name says its
     * syntax: {@code .yml}/{@code .yaml}, {@code .toml}, else Java properties.
     */
    public static Map<String, String> parse(String name, String text) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            // Spring's profile documents apply only under their profile; the default is the documents without one
            Iterator<JsonNode> documents = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(text);
            while (documents.hasNext()) {
                JsonNode doc = documents.next();
                if (doc != null && doc.at("/spring/config/activate/on-profile").isMissingNode()
                        && doc.at("/spring/profiles").isMissingNode()) {
                    flatten("", doc, keys);
                }
            }
        } else if (name.endsWith(".toml")) {
            String section = "";
            for (String line : text.split("\\R")) {
                Matcher s = TOML_SECTION.matcher(line);
                Matcher v = TOML_VALUE.matcher(line);
                if (s.matches()) {
                    section = s.group(1).strip().replace("\"", "") + ".";
                } else if (v.matches()) {
                    keys.putIfAbsent(section + v.group(1).replace("\"", ""), unquote(v.group(2)));
                }
            }
        } else {
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            properties.stringPropertyNames().forEach(k -> keys.put(k, properties.getProperty(k).strip()));
        }
        return keys;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> keys) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> flatten(prefix + f.getKey() + ".", f.getValue(), keys));
        } else if (node.isValueNode() && !prefix.isEmpty()) {
            keys.putIfAbsent(prefix.substring(0, prefix.length() - 1), node.asText());
        } else if (node.isArray() && !prefix.isEmpty()) { // "schemas: [app, audit]" as Flyway's "app,audit"
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            keys.putIfAbsent(prefix.substring(0, prefix.length() - 1), String.join(",", items));
        }
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) { // a TOML array, schemas = ["app", "audit"], as Flyway's "app,audit"
            List<String> items = new ArrayList<>();
            for (String item : v.substring(1, v.length() - 1).split(",")) {
                items.add(unquote(item));
            }
            return String.join(",", items);
        }
        return v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))
                ? v.substring(1, v.length() - 1) : v;
    }
}

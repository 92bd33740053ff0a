package dev.migsafe.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.migsafe.dialect.Dialect;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import dev.migsafe.BadInputException;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.rules.ServerVersion;
import dev.migsafe.rules.Severity;
import dev.migsafe.source.MigrationFormat;
import dev.migsafe.source.ProjectPaths;

/**
 * Reads {@code migsafe.yaml} strictly: an unknown key, a value of the wrong type or an unknown
 * dialect/format/severity is a {@link BadInputException} naming the file and line, so a typo never
 * silently turns a setting off.
 */
final class ConfigLoader {
    private static final int MAX_BYTES = 1024 * 1024;

    /** Built only when there is a file to read: setting up YAML costs a noticeable part of a short run. */
    private static ObjectMapper mapper() {
        SimpleModule values = new SimpleModule("migsafe-values")
                .addDeserializer(Dialect.class, new ParsedValue<>(Dialect.class, Dialect::parse))
                .addDeserializer(MigrationFormat.class, new ParsedValue<>(MigrationFormat.class, MigrationFormat::parse))
                .addDeserializer(Severity.class, new ParsedValue<>(Severity.class, Severity::parse))
                .addDeserializer(DeployKind.class, new ParsedValue<>(DeployKind.class, DeployKind::parse))
                .addDeserializer(Duration.class, new ParsedValue<>(Duration.class, Durations::parse));
        return new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .registerModule(values);
    }

    ProjectConfig forProject(Path projectDir) {
        Path file = projectDir.resolve(ProjectConfig.FILE_NAME).normalize();
        // the project's own file comes with the pull request: a link out of the project is not read
        return Files.exists(file) ? load(new ProjectPaths(projectDir).requireInside(file)) : ProjectConfig.empty();
    }

    ProjectConfig load(Path file) {
        String shown = file.toString().replace('\\', '/');
        byte[] bytes;
        // a FIFO would block forever and /dev/zero never end: regular files only, read up to the limit
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new BadInputException(shown + ": not a regular file; give the path of a migsafe.yaml");
        }
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new BadInputException(shown + ": file not found; check the --config path");
        } catch (IOException e) {
            throw new BadInputException(shown + ": cannot read the file (" + e.getMessage() + ")", e);
        }
        return parse(shown, bytes);
    }

    /** A configuration's bytes from anywhere (e.g. a git commit); {@code shown} names it in messages. */
    ProjectConfig parse(String shown, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(shown + ": over 1 MB, not a migsafe configuration; check the path");
        }
        try {
            // first pass: YAML syntax and duplicate keys, and where each key sits for later messages
            ObjectMapper mapper = mapper();
            KeyLines keyLines = KeyLines.of(mapper.getFactory(), bytes);
            try (JsonParser parser = mapper.createParser(bytes)) {
                if (parser.nextToken() == null) {
                    return withSource(ProjectConfig.empty(), shown);
                }
                Document doc = mapper.readValue(parser, Document.class);
                if (doc == null) {
                    return withSource(ProjectConfig.empty(), shown);
                }
                doc.checkRuleIds(shown, keyLines);
                return doc.toConfig(shown);
            } catch (JsonMappingException e) {
                throw new BadInputException(shown + line(e, keyLines) + ": " + explain(e), e);
            }
        } catch (JsonProcessingException e) {
            throw new BadInputException(shown + line(e.getLocation()) + ": " + explain(e), e);
        } catch (IOException e) {
            throw new BadInputException(shown + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    private static ProjectConfig withSource(ProjectConfig c, String shown) {
        return new ProjectConfig(c.dialect(), c.migrations(), c.releases(), c.postgresVersion(), c.mysqlVersion(),
                c.serverVersion(), c.rules(), c.verify(), c.deploy(), c.liquibase(), shown, c.app(), c.flyway());
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr();
    }

    /** Our own value errors know their line; for Jackson's, the path to the key is the reliable part. */
    private static String line(JsonMappingException e, KeyLines keyLines) {
        if (e instanceof InvalidValue && e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            return line(e.getLocation());
        }
        int fromPath = keyLines.lineOf(e);
        return fromPath > 0 ? ":" + fromPath : line(e.getLocation());
    }

    /** One line saying what is wrong, in the file's own terms (keys, not Java types). */
    static String explain(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            String where = parentPath(u);
            return "unknown key '" + u.getPropertyName() + "'" + (where.isEmpty() ? "" : " in " + where)
                    + " (expected one of " + known + ")";
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause) {
            return cause.getMessage();
        }
        if (e instanceof InvalidValue) {
            return e.getOriginalMessage();
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "'" + path(m) + "' must be " + expected(m.getTargetType());
        }
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field")) {
            return "duplicate key" + message.substring("Duplicate field".length());
        }
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            return "invalid YAML: " + yaml.getProblem();
        }
        String firstLine = message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
        return e instanceof JsonMappingException ? firstLine : "invalid YAML: " + firstLine;
    }

    private static String expected(Class<?> type) {
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping (key: value lines)";
        }
        return "a single value";
    }

    private static String path(JsonMappingException e) {
        String path = pathOf(e.getPath());
        return path.isEmpty() ? ProjectConfig.FILE_NAME : path;
    }

    /** Where the offending key sits, e.g. "verify" or "migrations[1]"; "" at the top level. */
    private static String parentPath(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        return refs.size() <= 1 ? "" : pathOf(refs.subList(0, refs.size() - 1));
    }

    private static String pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** The file as Jackson binds it; converted to the public {@link ProjectConfig}. */
    record Document(
            Dialect dialect,
            List<ProjectConfig.Location> migrations,
            @JsonDeserialize(using = ReleasesValue.class) List<Release> releases,
            @JsonDeserialize(using = PostgresVersion.class) String postgresVersion,
            @JsonDeserialize(using = MysqlVersion.class) String mysqlVersion,
            @JsonDeserialize(using = AnyServerVersion.class) String serverVersion,
            Map<String, ProjectConfig.RuleSetting> rules,
            ProjectConfig.Verify verify,
            Deploy deploy,
            ProjectConfig.Liquibase liquibase,
            ProjectConfig.App app,
            ProjectConfig.Flyway flyway) {

        /** A rule ID that does not exist would silently configure nothing. */
        void checkRuleIds(String shown, KeyLines keyLines) {
            if (rules == null) {
                return;
            }
            for (String id : rules.keySet()) {
                if (RuleCatalog.byId(id).isEmpty()) {
                    int line = keyLines.lineOf("/rules/" + id);
                    throw new BadInputException(shown + (line > 0 ? ":" + line : "") + ": rules: no rule '" + id
                            + "'; 'migsafe rules' lists the rule IDs (e.g. BC102, LK601)");
                }
            }
        }

        ProjectConfig toConfig(String source) {
            Map<String, ProjectConfig.RuleSetting> ruleIds = new LinkedHashMap<>();
            if (rules != null) {
                rules.forEach((id, setting) -> ruleIds.put(id.toUpperCase(Locale.ROOT),
                        setting == null ? new ProjectConfig.RuleSetting(null) : setting));
            }
            return new ProjectConfig(dialect, migrations == null ? List.of() : migrations,
                    releases == null ? List.of() : releases, postgresVersion, mysqlVersion, serverVersion, ruleIds, verify,
                    deploy == null ? null : deploy.kind(), liquibase, source, app, flyway);
        }
    }

    record Deploy(DeployKind kind) {
    }

    /** A scalar turned into a value by its own parser; its IllegalArgumentException becomes a located error. */
    static final class ParsedValue<T> extends StdDeserializer<T> {
        private final transient Function<String, T> parse;

        ParsedValue(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            try {
                return parse.apply(p.getText());
            } catch (IllegalArgumentException e) {
                throw new InvalidValue(p, e.getMessage());
            }
        }
    }

    /** A server version checked as --pg-version / --mysql-version are, kept as written. */
    abstract static class VersionValue extends StdDeserializer<String> {
        private final List<Dialect> dialects;

        /** @param dialects the value must be a version of one of them */
        VersionValue(Dialect... dialects) {
            super(String.class);
            this.dialects = List.of(dialects);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            IllegalArgumentException refused = null;
            for (Dialect dialect : dialects) {
                try {
                    ServerVersion.parse(dialect, text);
                    return text;
                } catch (IllegalArgumentException e) {
                    refused = refused == null ? e : refused;
                }
            }
            throw new InvalidValue(p, refused.getMessage());
        }
    }

    /** {@code server-version:}: the dialect may be detected later, so any dialect's version is accepted here. */
    static final class AnyServerVersion extends VersionValue {
        AnyServerVersion() {
            super(Dialect.values());
        }
    }

    static final class PostgresVersion extends VersionValue {
        PostgresVersion() {
            super(Dialect.POSTGRESQL);
        }
    }

    static final class MysqlVersion extends VersionValue {
        MysqlVersion() {
            super(Dialect.MYSQL);
        }
    }

    /** A value the file spells wrong; its message is already worded for the user. */
    static final class InvalidValue extends JsonMappingException {
        InvalidValue(JsonParser p, String message) {
            super(p, message, p.currentTokenLocation());
        }
    }

    /** {@code releases:} keeps file order, takes numbers as written ({@code 5}, {@code 1.2}) and remembers lines. */
    static final class ReleasesValue extends StdDeserializer<List<Release>> {
        ReleasesValue() {
            super(List.class);
        }

        @Override
        public List<Release> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new InvalidValue(p, "'releases' must be a mapping of release name to its last"
                        + " migration id, e.g. v1.3.0: \"8\"");
            }
            Map<String, Release> releases = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int line = p.currentTokenLocation().getLineNr();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    throw new InvalidValue(p, "release '" + name + "' has no last migration id;"
                            + " write e.g. " + name + ": \"8\"");
                }
                if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NUMBER_INT
                        && value != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw new InvalidValue(p, "release '" + name + "' must map to one migration id,"
                            + " e.g. " + name + ": \"8\"");
                }
                releases.put(name, new Release(name, p.getText().trim(), line));
            }
            return new ArrayList<>(releases.values());
        }
    }
}

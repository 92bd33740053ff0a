package dev.migsafe.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;


import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;

import dev.migsafe.config.ProjectConfig;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.MigrationFiles;
import dev.migsafe.source.ProjectTree;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.SqlReferences;
import dev.migsafe.sql.SqlStatement;
import dev.migsafe.sql.StatementSplitter;

/**
 * Reads the older release's code from a {@link ProjectTree} (a git commit or a directory): finds the
 * source roots (Maven/Gradle, single or multi-module: {@code src/main/java}, {@code src/main/kotlin},
 * {@code src/main/resources}, or {@code app.sources}), parses the Java sources, MyBatis mapper XML
 * and the {@code .sql} resources that are not migrations, and returns every use with its location.
 * The tree guards the paths (no link out of the project); files over {@link #MAX_FILE_BYTES} are
 * listed as unresolved, unread.
 */
public final class AppReader {
    /** A source file larger than this is generated or data, not code worth parsing. */
    static final long MAX_FILE_BYTES = 1_000_000;
    /** More files than any application; a tree this large is refused past this count (listed). */
    static final int MAX_FILES = 50_000;
    /** How deep modules are looked for (root/module/submodule/...). */
    private static final int MAX_MODULE_DEPTH = 4;
    private static final Set<String> NOT_MODULES = Set.of("target", "build", "out", "node_modules", ".git", ".gradle",
            ".idea", ".mvn", "bin", "test", "tests", "docs", "main");
    private static final List<String> ROOTS = List.of("src/main/java", "src/main/kotlin", "src/main/resources");
    /** Resource folders that hold migrations, whose .sql files are not the application's queries. */
    private static final Set<String> MIGRATION_FOLDERS = Set.of("migration", "migrations", "changelog", "changelogs",
            "flyway", "liquibase", "changes", "changeset", "changesets", "schema", "patches");

    private final Dialect dialect;

    public AppReader(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @param release        the release's name, for messages
     * @param settings       {@code app:} of migsafe.yaml
     * @param migrationFiles the release's migration files (project-relative): never read as the app's SQL
     */
    public AppUses read(ProjectTree tree, String release, ProjectConfig.App settings, Set<String> migrationFiles) {
        List<String> roots = settings.sources().isEmpty() ? detectRoots(tree) : settings.sources().stream()
                .filter(tree::isDirectory).toList();
        JavaCode java = new JavaCode();
        List<Map.Entry<String, String>> javaFiles = new ArrayList<>();
        List<Map.Entry<String, String>> ormFiles = new ArrayList<>();
        List<CodeSql.Text> sqlTexts = new ArrayList<>();
        List<Unresolved> unresolved = new ArrayList<>();
        Set<String> words = new HashSet<>();
        Naming naming = settings.naming() == null ? null : Naming.parse(settings.naming());
        boolean spring = false;
        int files = 0;
        for (String root : roots) {
            MigrationFiles folder = tree.folder(root);
            for (MigrationFiles.Entry e : folder.list()) {
                String name = e.name().toLowerCase(Locale.ROOT);
                String file = folder.displayPath(e.relativePath());
                boolean java_ = name.endsWith(".java");
                boolean relevant = java_ || name.endsWith(".kt") || name.endsWith(".xml") || name.endsWith(".sql")
                        || name.startsWith("application") && (name.endsWith(".properties") || name.endsWith(".yml")
                        || name.endsWith(".yaml"));
                if (!relevant || migrationFiles.contains(file)) {
                    continue;
                }
                if (name.endsWith(".sql") && isMigrationFolder(e.folder())) {
                    continue;
                }
                if (files >= MAX_FILES) {
                    unresolved.add(new Unresolved(file, 0, Unresolved.FILE, "", "not read: more than " + MAX_FILES + " files"));
                    continue;
                }
                files++;
                if (name.endsWith(".kt")) {
                    continue; // counted; Kotlin is not parsed (yet): its entities are not seen
                }
                if (e.size() > MAX_FILE_BYTES || e.size() < 0) {
                    unresolved.add(new Unresolved(file, 0, Unresolved.FILE, "", e.size() < 0 ? "unreadable (a broken link?)"
                            : "not read: larger than " + MAX_FILE_BYTES + " bytes"));
                    continue;
                }
                String text;
                try {
                    text = new String(folder.read(e.relativePath()), StandardCharsets.UTF_8);
                } catch (IOException ex) {
                    unresolved.add(new Unresolved(file, 0, Unresolved.FILE, "", "unreadable (" + ex.getMessage() + ")"));
                    continue;
                }
                words.addAll(AppUses.words(text));
                if (java_) {
                    spring |= text.contains("org.springframework");
                    if (JavaCode.mayUseDatabase(text)) {
                        javaFiles.add(Map.entry(file, text));
                    }
                } else if (name.endsWith(".xml")) {
                    if (text.contains("<mapper")) {
                        mapperXml(file, text, sqlTexts, unresolved);
                    } else if (text.contains("entity-mappings")) {
                        ormFiles.add(Map.entry(file, text)); // read once the naming is known
                    }
                } else if (name.endsWith(".sql")) {
                    sqlTexts.add(new CodeSql.Text(file, 1, Use.SQL_STRING + "-file", text));
                } else if (naming == null) {
                    naming = namingOf(text);
                    spring = true;
                }
            }
        }
        // parsing costs most of the time: in parallel, then added in the order the files were listed
        List<ParseResult<CompilationUnit>> parsed = javaFiles.parallelStream().map(f -> JavaCode.parse(f.getValue())).toList();
        for (int i = 0; i < parsed.size(); i++) {
            String file = javaFiles.get(i).getKey();
            java.add(file, parsed.get(i)).ifPresent(p -> unresolved.add(new Unresolved(file, 0, Unresolved.JAVA, "",
                    "not parsed: " + p)));
        }
        if (naming == null) {
            naming = spring ? Naming.SPRING : Naming.HIBERNATE;
        }
        EntityMappings mappings = new EntityMappings(java, naming);
        List<Use> uses = new ArrayList<>(mappings.read());
        uses.addAll(new JooqTables(java).read());
        int entities = mappings.entities();
        for (Map.Entry<String, String> orm : ormFiles) {
            List<Use> mapped = OrmXml.read(orm.getKey(), orm.getValue(), naming, unresolved);
            entities += (int) mapped.stream().filter(OrmXml::isEntity).count();
            uses.addAll(mapped);
        }
        CodeSql codeSql = new CodeSql(java);
        codeSql.read();
        sqlTexts.addAll(codeSql.texts());
        unresolved.addAll(codeSql.unresolved());
        // each text is read on its own (JSqlParser costs most of the time here): in parallel, kept in order
        List<SqlRead> reads = sqlTexts.parallelStream().map(this::readSql).toList();
        int sqlStrings = 0;
        List<AppUses.CodeStatement> statements = new ArrayList<>();
        for (SqlRead r : reads) {
            uses.addAll(r.uses());
            unresolved.addAll(r.unresolved());
            statements.addAll(r.understood());
            sqlStrings += r.statements();
        }
        return new AppUses(release, files, entities, sqlStrings, uses, unresolved, words, statements);
    }

    /** The source roots of every module: the tree's own and its sub-folders', down to {@link #MAX_MODULE_DEPTH}. */
    static List<String> detectRoots(ProjectTree tree) {
        List<String> roots = new ArrayList<>();
        detect(tree, "", 0, roots);
        return roots;
    }

    private static void detect(ProjectTree tree, String dir, int depth, List<String> roots) {
        for (String root : ROOTS) {
            String path = ProjectTree.child(dir, root);
            if (tree.isDirectory(path)) {
                roots.add(path);
            }
        }
        if (depth >= MAX_MODULE_DEPTH) {
            return;
        }
        for (String sub : tree.subfolders(dir)) {
            if (!NOT_MODULES.contains(sub) && !sub.startsWith(".")) {
                detect(tree, ProjectTree.child(dir, sub), depth + 1, roots);
            }
        }
    }

    private static boolean isMigrationFolder(String folder) {
        for (String part : folder.toLowerCase(Locale.ROOT).split("/")) {
            if (MIGRATION_FOLDERS.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** {@code spring.jpa.hibernate.naming.physical-strategy} (properties or YAML), else Spring's default. */
    private static Naming namingOf(String text) {
        for (String line : text.lines().toList()) {
            String l = line.trim();
            if (l.contains("physical-strategy") || l.contains("physical_naming_strategy") || l.contains("physicalStrategy")) {
                if (l.contains("PhysicalNamingStrategyStandardImpl")) {
                    return Naming.HIBERNATE;
                }
                if (l.contains("CamelCaseToUnderscores") || l.contains("SpringPhysicalNamingStrategy")) {
                    return Naming.SPRING;
                }
            }
        }
        return null;
    }

    /** The statements of a MyBatis mapper, with {@code #{param}} as {@code ?}; XML entities and DTDs refused. */
    private static void mapperXml(String file, String text, List<CodeSql.Text> out, List<Unresolved> unresolved) {
        Document doc;
        try {
            doc = CodeXml.parse(text);
        } catch (Exception e) {
            unresolved.add(new Unresolved(file, 0, Use.MYBATIS, "", "mapper XML not read: " + e.getMessage()));
            return;
        }
        if (!doc.getDocumentElement().getTagName().equals("mapper")) {
            return;
        }
        for (String tag : List.of("select", "insert", "update", "delete")) {
            NodeList nodes = doc.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element el = (Element) nodes.item(i);
                String id = el.getAttribute("id");
                int line = id.isEmpty() ? 1 : CodeXml.lineOf(text, "id=\"" + id + "\"", 0);
                out.add(new CodeSql.Text(file, line, Use.MYBATIS, el.getTextContent()));
            }
        }
    }

    /** What one SQL text of the code uses, what of it could not be read, and how many statements it holds. */
    private record SqlRead(List<Use> uses, List<Unresolved> unresolved, List<AppUses.CodeStatement> understood,
                           int statements) {
    }

    /** Reads one SQL text. */
    private SqlRead readSql(CodeSql.Text t) {
        List<Use> uses = new ArrayList<>();
        List<Unresolved> unresolved = new ArrayList<>();
        List<AppUses.CodeStatement> understood = new ArrayList<>();
        String kind = t.kind().endsWith("-file") ? Use.SQL_STRING : t.kind();
        String sql = t.sql().replaceAll("#\\{[^}]*}", "?");
        if (sql.contains("${") || sql.contains("<script>")) {
            unresolved.add(new Unresolved(t.file(), t.line(), kind, CodeSql.oneLine(sql),
                    "SQL with ${...} or <script> is completed at run time"));
            return new SqlRead(uses, unresolved, understood, 1);
        }
        List<SqlStatement> statements = new StatementSplitter(dialect).split(new MigrationScript(t.file(), sql, t.line()));
        for (SqlStatement st : statements) {
            String text = st.text();
            SqlReferences refs = SqlReferences.read(text, dialect);
            int line = st.line();
            if (!refs.isUnderstood()) {
                unresolved.add(new Unresolved(t.file(), line, kind, CodeSql.oneLine(text), "SQL not understood: " + refs.problem()));
                continue;
            }
            understood.add(new AppUses.CodeStatement(t.file(), line, kind, JdbcParameters.positional(text)));
            String shown = CodeSql.oneLine(text);
            refs.columns().forEach((table, columns) -> {
                boolean writes = refs.writes().contains(table);
                uses.add(new Use(table, null, kind, t.file(), line, shown, writes));
                columns.forEach(c -> uses.add(new Use(table, c, kind, t.file(), line, shown, writes)));
            });
        }
        return new SqlRead(uses, unresolved, understood, statements.size());
    }
}

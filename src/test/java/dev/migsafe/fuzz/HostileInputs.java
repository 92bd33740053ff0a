package dev.migsafe.fuzz;

import static dev.migsafe.fuzz.Changelogs.MASTER_XML;
import static dev.migsafe.fuzz.Changelogs.MASTER_YAML;
import static dev.migsafe.fuzz.Changelogs.baseTable;
import static dev.migsafe.fuzz.Changelogs.changeSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migsafe.fuzz.FuzzCase.Invocation;
import dev.migsafe.fuzz.FuzzCase.ProjectWriter;
import dev.migsafe.source.git.TestRepo;

/**
 * Hand-made hostile projects, as an attacker would put them in a pull request: file names that try to
 * inject workflow commands or terminal escapes, symlinks and includes that lead out of the project,
 * XXE and entity bombs, {@code ${...}} parameters naming environment variables and JVM properties,
 * include cycles, YAML alias bombs, and hostile {@code migsafe.yaml} files.
 */
final class HostileInputs {
    /** A sibling table and a column drop: every hostile name below ends up printed in a finding. */
    static final String BASE_SQL = "CREATE TABLE fuzz_t (a int PRIMARY KEY, b text, c text);\n";
    static final String DROP_SQL = "ALTER TABLE fuzz_t DROP COLUMN b;\n";
    static final String MIGRATIONS = "db/migration";
    /** Property the test sets to a distinctive value; a changelog naming it must never print it. */
    static final String CANARY_PROPERTY = "migsafe.fuzz.canary";
    static final String CANARY_PROPERTY_VALUE = "sysprop-canary-5d1e9b77";

    /**
     * @param weight     how often it is drawn, relative to the others of its family (slow ones rarely)
     * @param invocation how it is run, or null for the family's usual mix
     */
    record Scenario(String name, double weight, Invocation invocation, ProjectWriter writer) {
    }

    private final Outside outside;

    HostileInputs(Outside outside) {
        this.outside = outside;
    }

    // ---------------------------------------------------------------- names

    private static final List<String> NAMES = List.of(
            "V2__x\n::error file=a.sql,line=1::FUZZINJECT.sql",
            "V2__x\r\n::warning::FUZZINJECT.sql",
            "V2__x\r::error::FUZZINJECT.sql",
            "V2__x%0A::error::FUZZINJECT.sql",
            "V2__x,line=7,title=t::FUZZINJECT.sql",
            "V2__\u001b[31mred\u001b[0m\u001b[2J\u001b]0;title\u0007.sql",
            "V2__back\b\b\b\bspace.sql",
            "V2__\u202Eevil.sql",
            "V2__nel\u0085line\u2028sep.sql",
            "V2__tab\there.sql",
            "V2__" + "a".repeat(240) + ".sql",
            "V2__..sql",
            "V2__..%2F..%2Fetc%2Fpasswd.sql",
            "V2__<img src=x onerror=alert(1)>&amp;.sql",
            "V2__`rm -rf ~`$(id)|x.sql",
            "V2__'quote\"double.sql",
            "V2__[link](javascript:alert(1)).sql",
            "V2__ .sql",
            "V2__émoji_🙂.sql");

    List<Scenario> names() {
        List<Scenario> all = new java.util.ArrayList<>();
        for (String name : NAMES) {
            all.add(new Scenario("file name " + shorten(escape(name)), 1, null, p -> {
                write(p, MIGRATIONS + "/V1__base.sql", BASE_SQL);
                write(p, MIGRATIONS + "/" + name, DROP_SQL);
            }));
        }
        all.add(new Scenario("folder name with newline + ::error", 1, null, p -> {
            write(p, MIGRATIONS + "/V1__base.sql", BASE_SQL);
            write(p, MIGRATIONS + "/sub\n::error::FUZZINJECT/V2__drop.sql", DROP_SQL);
        }));
        all.add(new Scenario("file name with non-UTF-8 bytes", 1, null, p -> {
            write(p, MIGRATIONS + "/V1__base.sql", BASE_SQL);
            rawName(p.resolve(MIGRATIONS), "V2__bad\\377\\300name.sql", DROP_SQL);
        }));
        all.add(new Scenario("hostile name committed to git, analyze --base", 1, Invocation.BASE, p -> {
            try (TestRepo repo = TestRepo.init(p)) {
                repo.write(MIGRATIONS + "/V1__base.sql", BASE_SQL).commit("v1");
                repo.tag("v1");
                repo.write(MIGRATIONS + "/V2__x\n::error file=a.sql::FUZZINJECT.sql", DROP_SQL).commit("pr");
            }
        }));
        return all;
    }

    // ---------------------------------------------------------------- symlinks

    List<Scenario> symlinks() {
        return List.of(
                new Scenario("migration symlink (absolute) to a file outside", 1, null, p -> {
                    write(p, MIGRATIONS + "/V1__base.sql", BASE_SQL);
                    link(p.resolve(MIGRATIONS + "/V2__x.sql"), outside.file("secret.sql"));
                }),
                new Scenario("migration symlink (relative ../) to a file outside", 1, null, p -> {
                    write(p, MIGRATIONS + "/V1__base.sql", BASE_SQL);
                    Path dir = p.resolve(MIGRATIONS);
                    link(dir.resolve("V2__x.sql"), Path.of(outside.relativeFrom(dir, "secret.sql")));
                }),
                new Scenario("sub-folder symlink to a folder outside", 1, null, p -> {
                    write(p, MIGRATIONS + "/V1__base.sql", BASE_SQL);
                    link(p.resolve(MIGRATIONS + "/sub"), outside.dir());
                }),
                new Scenario("migrations folder is a symlink to a folder outside", 1, null, p -> {
                    Files.createDirectories(p.resolve("db"));
                    link(p.resolve(MIGRATIONS), outside.dir());
                }),
                new Scenario("migsafe.yaml symlink to a file outside", 1, null, p -> {
                    write(p, MIGRATIONS + "/V1__base.sql", BASE_SQL);
                    link(p.resolve("migsafe.yaml"), outside.file("secret.yaml"));
                }),
                new Scenario("Liquibase include of a symlink to a changelog outside", 1, null, p -> {
                    write(p, MASTER_XML, Changelogs.xml(baseTable() + "  <include file=\"inc.xml\" relativeToChangelogFile=\"true\"/>\n"));
                    link(p.resolve("db/changelog/inc.xml"), outside.file("secret.xml"));
                }),
                new Scenario("Liquibase sqlFile of a symlink to a file outside", 1, null, p -> {
                    write(p, MASTER_XML, Changelogs.xml(baseTable()
                            + changeSet("2", "<sqlFile path=\"inc.sql\" relativeToChangelogFile=\"true\"/>")));
                    link(p.resolve("db/changelog/inc.sql"), outside.file("secret.sql"));
                }),
                new Scenario("dangling symlink and a self-loop", 1, null, p -> {
                    write(p, MIGRATIONS + "/V1__base.sql", BASE_SQL);
                    link(p.resolve(MIGRATIONS + "/V2__gone.sql"), outside.file("does-not-exist.sql"));
                    link(p.resolve(MIGRATIONS + "/V3__loop.sql"), p.resolve(MIGRATIONS + "/V3__loop.sql"));
                }),
                new Scenario("folder symlink loop (sub -> ..)", 1, null, p -> {
                    write(p, MIGRATIONS + "/V1__base.sql", BASE_SQL);
                    link(p.resolve(MIGRATIONS + "/sub"), Path.of(".."));
                }),
                new Scenario("working-tree symlink to a file outside, analyze --base", 1, Invocation.BASE, p -> {
                    try (TestRepo repo = TestRepo.init(p)) {
                        repo.write(MIGRATIONS + "/V1__base.sql", BASE_SQL).commit("v1");
                        repo.tag("v1");
                        link(p.resolve(MIGRATIONS + "/V2__x.sql"), outside.file("secret.sql"));
                        repo.commit("pr adds a symlink");
                    }
                }));
    }

    // ---------------------------------------------------------------- changelogs

    List<Scenario> changelogs() {
        String abs = outside.dir().toAbsolutePath().toString();
        String fileUri = outside.file("secret.txt").toUri().toString();
        return List.of(
                new Scenario("XXE: external entity naming a file outside", 1, null, p -> write(p, MASTER_XML, Changelogs.xml(
                        "<!DOCTYPE databaseChangeLog [<!ENTITY xxe SYSTEM \"" + fileUri + "\">]>\n",
                        baseTable() + changeSet("2", "<sql>ALTER TABLE fuzz_t RENAME COLUMN a TO x_&xxe;</sql>")))),
                new Scenario("XXE: parameter entity naming a file outside", 1, null, p -> write(p, MASTER_XML, Changelogs.xml(
                        "<!DOCTYPE databaseChangeLog [<!ENTITY % p SYSTEM \"" + fileUri + "\"> %p;]>\n", baseTable()))),
                new Scenario("entity expansion bomb", 1, null, p -> write(p, MASTER_XML, Changelogs.xml(entityBomb(),
                        baseTable() + changeSet("2", "<sql>SELECT '&lol9;'</sql>")))),
                new Scenario("include ../../ out of the project", 1, null, p -> {
                    Path dir = p.resolve("db/changelog");
                    write(p, MASTER_XML, Changelogs.xml(baseTable() + "  <include file=\"" + outside.relativeFrom(dir, "secret.xml")
                            + "\" relativeToChangelogFile=\"true\"/>\n  <include file=\"../../../../../" + abs + "/secret.xml\"/>\n"));
                }),
                new Scenario("include of an absolute path outside", 1, null, p -> write(p, MASTER_XML,
                        Changelogs.xml(baseTable() + "  <include file=\"" + abs + "/secret.xml\"/>\n"
                                + "  <include file=\"file://" + abs + "/secret.xml\"/>\n"))),
                new Scenario("includeAll of a folder outside", 1, null, p -> write(p, MASTER_XML,
                        Changelogs.xml(baseTable() + "  <includeAll path=\"" + abs + "/\"/>\n  <includeAll path=\"../../../../../"
                                + abs + "/\" relativeToChangelogFile=\"true\"/>\n"))),
                new Scenario("sqlFile outside (relative and absolute)", 1, null, p -> {
                    Path dir = p.resolve("db/changelog");
                    write(p, MASTER_XML, Changelogs.xml(baseTable()
                            + changeSet("2", "<sqlFile path=\"" + outside.relativeFrom(dir, "secret.sql") + "\" relativeToChangelogFile=\"true\"/>")
                            + changeSet("3", "<sqlFile path=\"" + abs + "/secret.sql\"/>")));
                }),
                new Scenario("include of itself", 1, null, p -> write(p, MASTER_XML, Changelogs.xml(baseTable()
                        + "  <include file=\"db.changelog-master.xml\" relativeToChangelogFile=\"true\"/>\n"))),
                new Scenario("include cycle a -> b -> a", 1, null, p -> {
                    write(p, MASTER_XML, Changelogs.xml(baseTable() + "  <include file=\"a.xml\" relativeToChangelogFile=\"true\"/>\n"));
                    write(p, "db/changelog/a.xml", Changelogs.xml(changeSet("a", "<sql>SELECT 1</sql>")
                            + "  <include file=\"b.xml\" relativeToChangelogFile=\"true\"/>\n"));
                    write(p, "db/changelog/b.xml", Changelogs.xml(changeSet("b", "<sql>SELECT 2</sql>")
                            + "  <include file=\"a.xml\" relativeToChangelogFile=\"true\"/>\n"));
                }),
                new Scenario("${ENV} and ${jvm.property} parameters in changes", 2, null, p -> write(p, MASTER_XML, Changelogs.xml(baseTable()
                        + changeSet("2", "<renameColumn tableName=\"fuzz_t\" oldColumnName=\"a\" newColumnName=\"x_${PATH}\"/>")
                        + changeSet("3", "<sql>ALTER TABLE fuzz_t RENAME COLUMN b TO y_${" + CANARY_PROPERTY + "}_${java.home}_${user.home}</sql>")
                        + changeSet("4", "<dropColumn tableName=\"fuzz_t_${env.PATH}\" columnName=\"c_${PATH}\"/>")))),
                new Scenario("changelog property defined from ${ENV}", 1, null, p -> write(p, MASTER_XML, Changelogs.xml(
                        "  <property name=\"p\" value=\"${PATH}\"/>\n  <property name=\"q\" value=\"${" + CANARY_PROPERTY + "}\"/>\n"
                                + baseTable() + changeSet("2", "<sql>ALTER TABLE fuzz_t DROP COLUMN b_${p}_${q}</sql>")))),
                new Scenario("YAML changelog with ${ENV}", 1, null, p -> write(p, MASTER_YAML, yamlChangelog(
                        "ALTER TABLE fuzz_t RENAME COLUMN a TO x_${PATH}_${" + CANARY_PROPERTY + "}"))),
                new Scenario("JSON changelog with ${ENV}", 1, null, p -> write(p, "db/changelog/db.changelog-master.json",
                        "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"1\", \"author\": \"fuzz\", \"changes\": [{\"sql\": {\"sql\":"
                                + " \"ALTER TABLE fuzz_t RENAME COLUMN a TO x_${PATH}_${" + CANARY_PROPERTY + "}\"}}]}}]}\n")),
                new Scenario("formatted SQL changelog with ${ENV}", 1, null, p -> write(p, "db/changelog/changelog.sql",
                        "--liquibase formatted sql\n--changeset fuzz:1\nCREATE TABLE fuzz_t (a int, b text);\n"
                                + "--changeset fuzz:2\nALTER TABLE fuzz_t RENAME COLUMN a TO x_${PATH}_${" + CANARY_PROPERTY + "};\n"
                                + "--rollback ALTER TABLE fuzz_t RENAME COLUMN x_${java.home} TO a;\n")),
                new Scenario("YAML tag constructing Java objects", 1, null, p -> write(p, MASTER_YAML,
                        "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: !!javax.script.ScriptEngineManager"
                                + " [!!java.net.URLClassLoader [[!!java.net.URL [\"" + outside.dir().toUri() + "\"]]]]\n"
                                + "      changes:\n        - sql: {sql: \"SELECT 1\"}\n")),
                new Scenario("YAML alias bomb before databaseChangeLog", 0.15, null, p -> write(p, MASTER_YAML,
                        aliasBomb() + yamlChangelog("SELECT 1"))),
                new Scenario("changeSet id and author with newline + ::error", 1, null, p -> write(p, MASTER_XML, Changelogs.xml(baseTable()
                        + "  <changeSet id=\"2&#10;::error file=a::FUZZINJECT\" author=\"x&#13;::warning::FUZZINJECT\">\n"
                        + "    <dropColumn tableName=\"fuzz_t\" columnName=\"b\"/>\n  </changeSet>\n"))));
    }

    // ---------------------------------------------------------------- migsafe.yaml

    List<Scenario> configs() {
        String abs = outside.dir().toAbsolutePath().toString();
        return List.of(
                config("migrations: path ../ out of the project", p -> "migrations:\n  - path: "
                        + outside.relativeFrom(p, "") + "\n    format: flyway\n"),
                config("migrations: absolute path outside", p -> "migrations:\n  - path: " + abs + "\n    format: flyway\n"),
                config("unknown rule id", p -> "rules:\n  XX999: {severity: error}\n"),
                config("absurd postgres-version", p -> "postgres-version: 99999999999999999999\n"),
                config("negative postgres-version", p -> "postgres-version: -5\n"),
                config("absurd mysql-version", p -> "dialect: mysql\nmysql-version: \"99999999999999999999.1\"\n"),
                config("duplicate keys", p -> "dialect: postgresql\ndialect: mysql\n"),
                config("Java type tag", p -> "dialect: !!java.io.File [\"" + abs + "/secret.txt\"]\n"),
                config("${ENV} in values", p -> "releases:\n  v1: \"${PATH}\"\nverify:\n  postgres-image: \"${" + CANARY_PROPERTY + "}\"\n"),
                config("old-tests printing a file outside (analyze must not run it)", p -> "verify:\n  old-tests: \"cat "
                        + abs + "/secret.sql\"\n"),
                config("alias bomb", 0.3, p -> aliasBomb() + "dialect: postgresql\n"),
                config("NUL, BOM and CR line endings", p -> "\uFEFFdialect: postgresql\r\0rules:\r  BC104: {severity: warning}\r"),
                new Scenario("migsafe.yaml: invalid UTF-8", 1, null, p -> {
                    write(p, MIGRATIONS + "/V1__base.sql", BASE_SQL);
                    write(p, "migsafe.yaml", new byte[]{'d', 'i', 'a', 'l', 'e', 'c', 't', ':', ' ', (byte) 0xFF, (byte) 0xC0, '\n'});
                }),
                config("over 1 MB", 0.3, p -> "# " + "x".repeat(1_100_000) + "\n"),
                new Scenario("migsafe.yaml is a directory", 1, null, p -> {
                    write(p, MIGRATIONS + "/V1__base.sql", BASE_SQL);
                    Files.createDirectories(p.resolve("migsafe.yaml"));
                }),
                new Scenario("migsafe.yaml is a FIFO", 0.1, null, p -> {
                    write(p, MIGRATIONS + "/V1__base.sql", BASE_SQL);
                    run(p, "mkfifo migsafe.yaml");
                }));
    }

    private Scenario config(String name, ConfigText text) {
        return config(name, 1, text);
    }

    private Scenario config(String name, double weight, ConfigText text) {
        return new Scenario("migsafe.yaml: " + name, weight, null, p -> {
            write(p, MIGRATIONS + "/V1__base.sql", BASE_SQL);
            write(p, MIGRATIONS + "/V2__drop.sql", DROP_SQL);
            write(p, "migsafe.yaml", text.of(p));
        });
    }

    @FunctionalInterface
    private interface ConfigText {
        String of(Path project) throws Exception;
    }

    // ---------------------------------------------------------------- helpers

    private static String yamlChangelog(String sql) {
        return "databaseChangeLog:\n  - changeSet:\n      id: base\n      author: fuzz\n      changes:\n"
                + "        - createTable:\n            tableName: fuzz_t\n            columns:\n"
                + "              - column: {name: a, type: int}\n              - column: {name: b, type: text}\n"
                + "  - changeSet:\n      id: 2\n      author: fuzz\n      changes:\n        - sql:\n            sql: \"" + sql + "\"\n";
    }

    /** Nine levels of nine aliases each: 387 million nodes once expanded. */
    private static String aliasBomb() {
        StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String prev = "*" + (char) (c - 1);
            sb.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        return sb.toString();
    }

    private static String entityBomb() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE databaseChangeLog [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            String prev = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
            sb.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">\n");
        }
        return sb.append("]>\n").toString();
    }

    static void write(Path project, String relative, String text) throws IOException {
        write(project, relative, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path project, String relative, byte[] bytes) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target);
    }

    /** A file whose name holds bytes Java cannot spell: made by the shell's printf (where the filesystem allows). */
    private static void rawName(Path dir, String printfName, String content) throws Exception {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("content.tmp");
        Files.writeString(tmp, content);
        run(dir, "mv content.tmp \"$(printf '" + printfName + "')\"");
    }

    private static void run(Path dir, String shell) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", shell).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
    }

    private static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 60) + "...(" + s.length() + " chars)" : s;
    }

    /** Control and direction characters as \\uXXXX, so a description prints on one readable line. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u202E') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

package dev.migsafe.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migsafe.BadInputException;
import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.app.AppJudge;
import dev.migsafe.app.AppReader;
import dev.migsafe.app.AppUses;
import dev.migsafe.app.Use;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.report.Report;
import dev.migsafe.source.DirectoryTree;
import dev.migsafe.source.git.GitRepository;
import dev.migsafe.verify.CodeProbe;
import dev.migsafe.verify.OlderCode;
import picocli.CommandLine.Option;

/**
 * {@code --app} and {@code --to-app-dir}: reading the older release's code, to judge the
 * backward-compatibility findings by what it really uses.
 */
final class AppOptions {

    @Option(names = "--app", paramLabel = "auto|none", defaultValue = "auto",
            description = "Read the older release's code (TO) to judge findings by what it uses: auto (default) or none.")
    String app;

    @Option(names = "--to-app-dir", paramLabel = "DIR",
            description = "The older release's code, as a directory (default: the code at TO when TO is a git ref).")
    Path toAppDir;

    /**
     * What the older release's code uses, or null when it is off or there is no code to read at TO
     * (TO is not a git ref and no --to-app-dir was given, or nothing under the source roots).
     */
    AppUses read(Workspace ws, ReleasePair.Releases releases, String toRef, Dialect dialect) {
        if (!app.equals("auto") && !app.equals("none")) {
            throw new BadInputException("--app " + app + ": use auto or none");
        }
        if (app.equals("none")) {
            return null;
        }
        Set<String> migrations = releases.older().stream().map(m -> m.up().path()).collect(Collectors.toSet());
        AppReader reader = new AppReader(dialect);
        AppUses uses;
        if (toAppDir != null && !Files.isDirectory(toAppDir)) {
            throw new BadInputException("--to-app-dir " + toAppDir + ": not a directory; give the older release's"
                    + " project folder");
        }
        try {
            if (toAppDir != null) {
                uses = reader.read(new DirectoryTree(toAppDir, toAppDir), releases.toLabel(), ws.config().app(), migrations);
            } else if (releases.toIsGitRef() && toRef != null) {
                try (GitRepository git = GitRepository.find(ws.project()).orElseThrow()) {
                    uses = reader.read(git.at(toRef), releases.toLabel(), ws.config().app(), migrations);
                }
            } else {
                return null;
            }
        } catch (BadInputException e) {
            // the code is evidence, not input the command needs: what cannot be read safely (a link out of
            // the project) leaves the findings as the schema has them, and says why
            ws.note("did not read " + releases.toLabel() + "'s code (" + e.getMessage() + "): findings are judged by"
                    + " the schema alone");
            return null;
        }
        if (uses.isEmpty()) {
            return null;
        }
        ws.note("read " + releases.toLabel() + "'s code: " + uses.scanned() + ", " + uses.unresolved().size()
                + " unresolved; backward-compatibility findings are judged by what it uses (--app none: by the schema alone)");
        return uses;
    }

    /** The analysis with its findings judged by the code. */
    static AnalysisResult judged(AnalysisResult result, AppUses uses) {
        if (uses == null) {
            return result;
        }
        return new AnalysisResult(result.range(), result.statuses(), AppJudge.apply(result.findings(), uses),
                result.statements(), result.unparsed(), result.olderSchema(), result.newerSchema());
    }

    /**
     * What the verification knows of the older release's code: what it runs ({@link #probes}) and what it
     * provably does not use — no resolved use, every file read, no unresolved SQL that could touch the table.
     */
    static OlderCode olderCode(AppUses uses, Dialect dialect) {
        if (uses == null || uses.isEmpty()) {
            return OlderCode.NONE;
        }
        return new OlderCode(probes(uses, dialect), (table, column) -> uses.unread().isEmpty()
                && uses.couldTouch(table).isEmpty()
                && (column == null ? uses.ofTable(table, false) : uses.ofColumn(table, column)).isEmpty());
    }

    /**
     * What the older release's code runs, as the verification checks it: each SQL statement of the code,
     * and per mapped entity column a SELECT of it (and an INSERT that inserts nothing when the entity is
     * written), the way Hibernate names it. Empty without code.
     */
    static List<CodeProbe> probes(AppUses uses, Dialect dialect) {
        if (uses == null) {
            return List.of();
        }
        List<CodeProbe> probes = new ArrayList<>();
        for (AppUses.CodeStatement st : uses.statements()) {
            probes.add(new CodeProbe(st.file() + ":" + st.line() + " (" + st.kind() + ")", st.sql()));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Use u : uses.uses()) {
            if (!u.kind().equals(Use.ENTITY) && !u.kind().equals(Use.JOOQ) || u.column() == null || u.column().equals("*")
                    || !seen.add(u.table() + "." + u.column())) {
                continue;
            }
            String table = qualified(u.table(), dialect);
            String column = dialect.syntax().identifier(u.column());
            String where = u.file() + ":" + u.line() + " " + u.text();
            probes.add(new CodeProbe(where, "SELECT " + column + " FROM " + table + " WHERE 1 = 0", u.table(), u.column()));
            if (u.writes()) {
                probes.add(new CodeProbe(where, "INSERT INTO " + table + " (" + column + ") SELECT NULL WHERE 1 = 0",
                        u.table(), u.column()));
            }
        }
        return probes;
    }

    private static String qualified(String table, Dialect dialect) {
        return java.util.Arrays.stream(table.split("\\.")).map(dialect.syntax()::identifier)
                .collect(java.util.stream.Collectors.joining("."));
    }

    /** The report's {@code app} field, or null. */
    static Report.AppEntry entry(AppUses uses) {
        if (uses == null) {
            return null;
        }
        return new Report.AppEntry(uses.release(), uses.files(), uses.entities(), uses.sqlStrings(), uses.unresolved().size(),
                uses.unresolved().stream().map(u -> new Report.UnresolvedEntry(u.file(), u.line(), u.kind(), u.text(),
                        u.reason())).toList());
    }
}

package dev.migsafe.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.change.Change;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.schema.Schema;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.source.PreparedStatements;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.sql.ScriptParser;

/**
 * The tables a way back touches, from the changes of the scripts themselves: the tables the downs
 * change (to back up before running them) and the tables and columns the range's ups drop or
 * rewrite (to back up before the deploy).
 *
 * @param downTables tables of the current (newer) schema the downs change
 * @param atRisk     older-schema table -> what the ups do to its data ("drops column note", ...)
 */
public record AffectedTables(Set<String> downTables, Map<String, List<String>> atRisk) {

    public static AffectedTables of(AnalysisResult result, ScriptParser parser, Dialect dialect) {
        Set<String> downTables = new TreeSet<>();
        Map<String, List<String>> atRisk = new LinkedHashMap<>();
        for (Migration m : result.range()) {
            if (m.hasDown()) {
                for (ParsedStatement ps : statements(m.down(), m.preparedDown(), parser, dialect)) {
                    ps.changes().forEach(c -> tablesOf(c).stream().filter(t -> isTable(result.newerSchema(), t))
                            .forEach(downTables::add));
                }
            }
            for (ParsedStatement ps : statements(m.up(), m.preparedUp(), parser, dialect)) {
                for (Change c : ps.changes()) {
                    String risk = risk(c);
                    if (risk != null) {
                        tablesOf(c).stream().filter(t -> isTable(result.olderSchema(), t))
                                .forEach(t -> atRisk.computeIfAbsent(t, k -> new ArrayList<>()).add(risk));
                    }
                }
            }
        }
        atRisk.replaceAll((t, why) -> List.copyOf(why));
        return new AffectedTables(Set.copyOf(new TreeSet<>(downTables)), Map.copyOf(atRisk));
    }

    /** A Liquibase changeSet comes with its statements ready-made; SQL files are parsed. */
    private static List<ParsedStatement> statements(MigrationScript script, PreparedStatements prepared, ScriptParser parser,
                                                    Dialect dialect) {
        return prepared != null ? prepared.resolve(parser, dialect) : parser.parse(script, dialect);
    }

    /** What an up change does to data already there, or null when it keeps it. */
    private static String risk(Change c) {
        if (c instanceof Change.DropTable) {
            return "drops the table";
        }
        if (c instanceof Change.DropColumn d) {
            return "drops column " + d.column();
        }
        if (c instanceof Change.AlterColumnType a) {
            return "rewrites column " + a.column() + " as " + a.type();
        }
        if (c instanceof Change.RedefineColumn r) {
            return "redefines column " + r.oldName() + " as " + r.column().name() + " " + r.column().type();
        }
        if (c instanceof Change.DataChange d && d.kind() != Change.DataChange.Kind.INSERT) {
            return d.kind().name() + (d.hasWhere() ? " of some rows" : " of every row");
        }
        return null;
    }

    private static List<String> tablesOf(Change c) {
        if (c instanceof Change.DataChange d) {
            return d.tables();
        }
        if (c instanceof Change.RenameTable r) {
            return List.of(r.from());
        }
        String target = c.target();
        if (target == null || target.isEmpty()) {
            return List.of();
        }
        boolean columnLevel = c instanceof Change.AddColumn || c instanceof Change.DropColumn
                || c instanceof Change.RenameColumn || c instanceof Change.AlterColumnType
                || c instanceof Change.RedefineColumn || c instanceof Change.SetNotNull || c instanceof Change.DropNotNull
                || c instanceof Change.SetDefault || c instanceof Change.DropDefault;
        return List.of(columnLevel ? target.substring(0, target.lastIndexOf('.')) : target);
    }

    private static boolean isTable(Schema schema, String name) {
        return schema.table(name) != null;
    }

    /** Every table at risk, sorted. */
    public List<String> atRiskTables() {
        return new ArrayList<>(new TreeSet<>(atRisk.keySet()));
    }
}

package dev.migsafe.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import dev.migsafe.fuzz.FuzzCase.Invocation;
import dev.migsafe.fuzz.FuzzCorpus.Seed;
import dev.migsafe.fuzz.HostileInputs.Scenario;
import dev.migsafe.fuzz.Mutations.Mutated;

/**
 * Draws fuzz case number {@code i} from the seed alone (each case has its own random source), so one
 * case can be re-run without generating those before it.
 */
final class CaseGenerator {
    private final FuzzCorpus corpus;
    private final long seed;
    private final List<Scenario> names;
    private final List<Scenario> symlinks;
    private final List<Scenario> changelogs;
    private final List<Scenario> configs;

    CaseGenerator(FuzzCorpus corpus, long seed, Outside outside) {
        this.corpus = corpus;
        this.seed = seed;
        HostileInputs hostile = new HostileInputs(outside);
        this.names = hostile.names();
        this.symlinks = hostile.symlinks();
        this.changelogs = hostile.changelogs();
        this.configs = hostile.configs();
    }

    FuzzCase generate(int index) {
        SplittableRandom r = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        boolean github = r.nextInt(100) < 30;
        int family = r.nextInt(100);
        if (family < 55) {
            return sqlMutation(index, r, github);
        }
        if (family < 65) {
            return changelogMutation(index, r, github);
        }
        if (family < 75) {
            return scenario(index, "hostile-name", names, r, github);
        }
        if (family < 83) {
            return scenario(index, "symlink", symlinks, r, github);
        }
        if (family < 94) {
            return scenario(index, "hostile-changelog", changelogs, r, github);
        }
        return scenario(index, "hostile-config", configs, r, github);
    }

    private FuzzCase sqlMutation(int index, SplittableRandom r, boolean github) {
        Seed s = corpus.sql.get(r.nextInt(corpus.sql.size()));
        Mutated m = Mutations.any(s.text(), r);
        StringBuilder description = new StringBuilder(corpus.display(s.file()) + ": " + m.description());
        byte[] bytes = Mutations.utf8(m.text());
        if (r.nextInt(100) < 10) {
            bytes = Mutations.invalidUtf8(bytes, r, description);
        }
        int pick = r.nextInt(100);
        Invocation invocation = pick < 60 ? Invocation.ALL_FORMATS : pick < 75 ? Invocation.TEXT_STDOUT
                : pick < 85 ? Invocation.MIGRATIONS_PATH : Invocation.CAN_ROLLBACK;
        String dialect = s.dialect().equals("mysql") ? "mysql" : r.nextBoolean() ? "postgresql" : null;
        List<Path> earlier = s.earlier();
        byte[] mutated = bytes;
        FuzzCase.ProjectWriter writer = p -> {
            List<String> folders = invocation == Invocation.CAN_ROLLBACK ? List.of("old", "new") : List.of(HostileInputs.MIGRATIONS);
            for (String folder : folders) {
                if (earlier.isEmpty()) {
                    HostileInputs.write(p, folder + "/V1__base.sql", HostileInputs.BASE_SQL);
                }
                for (int i = 0; i < earlier.size(); i++) {
                    HostileInputs.write(p, folder + "/V" + (i + 1) + "__earlier.sql", java.nio.file.Files.readAllBytes(earlier.get(i)));
                }
            }
            String target = invocation == Invocation.CAN_ROLLBACK ? "new" : HostileInputs.MIGRATIONS;
            HostileInputs.write(p, target + "/V3__fuzz.sql", mutated);
        };
        return new FuzzCase(index, "sql-mutation", description.toString(), dialect, invocation, github, writer);
    }

    private FuzzCase changelogMutation(int index, SplittableRandom r, boolean github) {
        Seed s = corpus.changelogs.get(r.nextInt(corpus.changelogs.size()));
        Mutated m = Mutations.any(s.text(), r);
        Invocation invocation = r.nextInt(100) < 75 ? Invocation.ALL_FORMATS : Invocation.TEXT_STDOUT;
        String text = m.text();
        return new FuzzCase(index, "changelog-mutation", corpus.display(s.file()) + ": " + m.description(), null,
                invocation, github, p -> HostileInputs.write(p, Changelogs.MASTER_XML, text));
    }

    private static FuzzCase scenario(int index, String family, List<Scenario> scenarios, SplittableRandom r, boolean github) {
        double total = scenarios.stream().mapToDouble(Scenario::weight).sum();
        double x = r.nextDouble() * total;
        Scenario chosen = scenarios.get(scenarios.size() - 1);
        for (Scenario s : scenarios) {
            x -= s.weight();
            if (x < 0) {
                chosen = s;
                break;
            }
        }
        Invocation invocation = chosen.invocation() != null ? chosen.invocation()
                : r.nextInt(100) < 65 ? Invocation.ALL_FORMATS : Invocation.TEXT_STDOUT;
        return new FuzzCase(index, family, chosen.name(), null, invocation, github, chosen.writer());
    }
}

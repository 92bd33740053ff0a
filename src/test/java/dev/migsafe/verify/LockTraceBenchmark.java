package dev.migsafe.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.Migration;

/**
 * What the lock trace costs (not a test): an older release of four seeded tables (keys, mixed types, foreign
 * keys) and a range of 20 statements typical of real migrations in 14 up/down migrations (columns added with
 * and without a default, indexes plain and online, a foreign key and a CHECK added then validated, a backfill
 * then NOT NULL, a type change that rewrites, a rename, a drop, a new table), verified with the trace on and
 * with {@code verify.lock-trace: false}, one warm-up pair then {@link #MEASURED} measured pairs (the order
 * within a pair alternates, so that a drift of the machine's load falls on both). Per target it prints the
 * {@code lock trace} step's own duration, the whole verification's wall time with and without the trace, and
 * their difference, as median and max, and what each statement of the last traced run cost. Wall time
 * includes starting the server (a container's start varies by seconds): the paired difference of the steps
 * alone, which leaves it out, is printed too. The seed step fills each table with its few rows (3, plus rows at
 * the limits of a retyped column). The range has no downs (the rehearsal is skipped) and its rename and drop
 * break the older release (the contract step fails): both as in a real range, and the trace runs before
 * either.
 *
 * <p>Targets (arguments; default: embedded testcontainers): {@code embedded}, {@code testcontainers} (both
 * PostgreSQL, the range in its syntax), {@code mariadb} (a MariaDB container, the same range in MySQL syntax),
 * or a JDBC URL. Run with {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.migsafe.verify.LockTraceBenchmark -Dexec.args="embedded testcontainers mariadb"}; the
 * images are {@link TestImages}' (MIGSAFE_POSTGRES_IMAGE, MIGSAFE_MARIADB_IMAGE).
 */
public final class LockTraceBenchmark {

    static final int WARMUPS = 1;
    static final int MEASURED = 5;

    /** One target's verification: the server family, the target string, the settings and the range's syntax. */
    private record Target(String label, Dialect dialect, String target, VerifySettings settings) {
        boolean mysql() {
            return dialect == Dialect.MYSQL;
        }
    }

    /** One pair of runs: the trace step, the wall times, and the steps' sums (server start and stop left out). */
    private record Pair(long traceMs, long wallOn, long wallOff, long stepsOn, long stepsOff) {
    }

    public static void main(String[] args) {
        List<String> targets = args.length > 0 ? List.of(args) : List.of("embedded", "testcontainers");
        for (String name : targets) {
            measure(target(name));
        }
    }

    private static Target target(String name) {
        VerifySettings settings = TestImages.settings();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("mariadb")) {
            return new Target(name, Dialect.MYSQL, "testcontainers", settings.withMysqlServer("mariadb"));
        }
        if (lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:")) {
            return new Target("jdbc", Dialect.MYSQL, name, settings);
        }
        return new Target(name.startsWith("jdbc:") ? "jdbc" : name, Dialect.POSTGRESQL, name, settings);
    }

    private static void measure(Target t) {
        List<Migration> older = List.of(TestMigrations.updown("1", "shop", t.mysql() ? MYSQL_OLDER : POSTGRES_OLDER, null));
        List<Migration> range = range(t.mysql() ? MYSQL_RANGE : POSTGRES_RANGE);
        long statements = (t.mysql() ? MYSQL_RANGE : POSTGRES_RANGE).stream().mapToLong(m -> m.length - 1).sum();
        List<Pair> pairs = new ArrayList<>();
        Verification last = null;
        for (int i = 0; i < WARMUPS + MEASURED; i++) {
            Verification on;
            long wallOn;
            Verification off;
            long wallOff;
            if (i % 2 == 0) {
                long s = System.nanoTime();
                on = verify(t, older, range, true);
                wallOn = ms(s);
                s = System.nanoTime();
                off = verify(t, older, range, false);
                wallOff = ms(s);
            } else {
                long s = System.nanoTime();
                off = verify(t, older, range, false);
                wallOff = ms(s);
                s = System.nanoTime();
                on = verify(t, older, range, true);
                wallOn = ms(s);
            }
            Step trace = on.step(Verifier.LOCK_TRACE).orElseThrow(() -> new IllegalStateException(
                    "no lock trace step on " + t.label() + ": " + on.steps()));
            // off must mean off: no step, no records (LockTrace.of and its LockProbe sessions are never reached)
            if (off.step(Verifier.LOCK_TRACE).isPresent() || !off.locks().isEmpty()) {
                throw new IllegalStateException("lock-trace: false still traced on " + t.label());
            }
            Pair p = new Pair(trace.durationMs(), wallOn, wallOff, steps(on), steps(off));
            System.out.printf("%-15s %s  trace on: wall %6d ms, steps %6d ms, lock trace %5d ms%s | trace off: wall %6d ms,"
                            + " steps %6d ms%n", t.label(), i < WARMUPS ? "warm-up" : "run " + (i - WARMUPS + 1) + "  ",
                    p.wallOn(), p.stepsOn(), p.traceMs(), trace.status() == Step.Status.PASSED ? "" : " (" + trace.status() + ")",
                    p.wallOff(), p.stepsOff());
            if (i >= WARMUPS) {
                pairs.add(p);
                last = on;
            }
        }
        report(t, last, pairs, statements, range.size());
    }

    private static Verification verify(Target t, List<Migration> older, List<Migration> range, boolean trace) {
        return new Verifier().run(new VerifyRequest(t.dialect(), older, range, t.target(), t.settings().withLockTrace(trace)),
                ProgressListener.NONE);
    }

    private static void report(Target t, Verification v, List<Pair> pairs, long statements, int migrations) {
        System.out.printf("%n%s on %s: %d statements in %d migrations; seed: %s%n", t.label(), v.database(), statements,
                migrations, v.step(Verifier.SEED).map(Step::details).orElse("no seed step"));
        System.out.println("  steps of the last traced run: " + v.steps().stream()
                .map(s -> s.name().replace(' ', '-') + "=" + s.durationMs() + (s.isFailed() ? "!" : ""))
                .collect(Collectors.joining(" ")));
        line("lock trace step", pairs.stream().map(Pair::traceMs).toList());
        line("wall, trace on", pairs.stream().map(Pair::wallOn).toList());
        line("wall, trace off", pairs.stream().map(Pair::wallOff).toList());
        line("wall, on - off", pairs.stream().map(p -> p.wallOn() - p.wallOff()).toList());
        line("steps, on - off", pairs.stream().map(p -> p.stepsOn() - p.stepsOff()).toList());
        // where the trace's time goes: each statement's own run; the rest is replays, catalog reads and probes
        long inStatements = v.locks().stream().mapToLong(LockTrace.Record::durationMs).sum();
        long probed = v.locks().stream().filter(r -> r.probe() != null).count();
        System.out.printf("  last traced run: statements ran %d ms of the step's %d ms; %d probed by a second session"
                        + " (at most %d)%n", inStatements, v.step(Verifier.LOCK_TRACE).map(Step::durationMs).orElse(0L), probed,
                t.mysql() ? MysqlLockTrace.PROBED_STATEMENTS : PostgresLockTrace.PROBED_STATEMENTS);
        for (LockTrace.Record r : v.locks()) {
            String probe = r.probe() == null ? "" : " probe write " + r.probe().write() + ", select " + r.probe().select();
            System.out.printf("    %-3s %5d ms  %-40.40s %s%s%n", r.migration(), r.durationMs(),
                    r.statement().replaceAll("\\s+", " "),
                    r.note() != null ? r.note() : r.locks().stream().map(l -> LockTraceText.mode(l.mode()) + " " + l.relation())
                            .collect(Collectors.joining(", ")) + (r.rewrite() ? ", rewrite" : ""), probe);
        }
        System.out.println();
    }

    private static void line(String what, List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2); // MEASURED is odd: the middle value
        System.out.printf("  %-16s median %6d ms  max %6d ms   %s%n", what, median, sorted.get(sorted.size() - 1), values);
    }

    private static long steps(Verification v) {
        return v.steps().stream().mapToLong(Step::durationMs).sum();
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Migrations 2, 3, ...: each entry is its name then its statements. */
    private static List<Migration> range(List<String[]> migrations) {
        List<Migration> out = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            String[] m = migrations.get(i);
            String up = String.join("\n", java.util.Arrays.asList(m).subList(1, m.length));
            out.add(TestMigrations.updown(String.valueOf(i + 2), m[0], up, null));
        }
        return out;
    }

    static final String POSTGRES_OLDER = """
            CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(200) NOT NULL, name text,
                created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE products (id int PRIMARY KEY, sku varchar(40) NOT NULL UNIQUE, title text, price numeric(10, 2),
                qty int);
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id),
                status varchar(20), total numeric(12, 2), placed_at timestamp, note text);
            CREATE TABLE order_items (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id), product_id int,
                quantity int NOT NULL, unit_price numeric(10, 2));
            """;

    /** 20 statements in 14 migrations. */
    static final List<String[]> POSTGRES_RANGE = List.of(
            new String[] {"customer_phone", "ALTER TABLE customers ADD COLUMN phone varchar(30);"},
            new String[] {"order_currency", "ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR';",
                    "ALTER TABLE orders ADD COLUMN updated_at timestamptz DEFAULT now();"},
            new String[] {"order_status_index", "CREATE INDEX orders_status_idx ON orders (status);"},
            new String[] {"item_product_index", "CREATE INDEX CONCURRENTLY order_items_product_idx ON order_items (product_id);"},
            new String[] {"item_product_fk", "ALTER TABLE order_items ADD CONSTRAINT order_items_product_fk"
                    + " FOREIGN KEY (product_id) REFERENCES products (id) NOT VALID;"},
            new String[] {"item_product_fk_validate", "ALTER TABLE order_items VALIDATE CONSTRAINT order_items_product_fk;"},
            new String[] {"order_note_required", "UPDATE orders SET note = '' WHERE note IS NULL;",
                    "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;"},
            new String[] {"item_quantity_bigint", "ALTER TABLE order_items ALTER COLUMN quantity TYPE bigint;"},
            new String[] {"customer_full_name", "ALTER TABLE customers RENAME COLUMN name TO full_name;"},
            new String[] {"product_drop_qty", "ALTER TABLE products DROP COLUMN qty;"},
            new String[] {"shipments", "CREATE TABLE shipments (id bigint PRIMARY KEY, order_id bigint NOT NULL"
                    + " REFERENCES orders (id), carrier text, shipped_at timestamptz);",
                    "CREATE INDEX shipments_order_idx ON shipments (order_id);"},
            new String[] {"product_price_check", "ALTER TABLE products ADD CONSTRAINT products_price_check"
                    + " CHECK (price >= 0) NOT VALID;", "ALTER TABLE products VALIDATE CONSTRAINT products_price_check;"},
            new String[] {"customer_email_longer", "ALTER TABLE customers ALTER COLUMN email TYPE varchar(320);"},
            new String[] {"item_unit_price_required", "UPDATE order_items SET unit_price = 0 WHERE unit_price IS NULL;",
                    "ALTER TABLE order_items ALTER COLUMN unit_price SET DEFAULT 0;",
                    "ALTER TABLE order_items ALTER COLUMN unit_price SET NOT NULL;"});

    static final String MYSQL_OLDER = """
            CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL, name VARCHAR(100),
                created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP);
            CREATE TABLE products (id INT PRIMARY KEY, sku VARCHAR(40) NOT NULL, title VARCHAR(200), price DECIMAL(10, 2),
                qty INT, UNIQUE KEY products_sku (sku));
            CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, status VARCHAR(20),
                total DECIMAL(12, 2), placed_at DATETIME, note VARCHAR(500),
                CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id));
            CREATE TABLE order_items (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL, product_id INT, quantity INT NOT NULL,
                unit_price DECIMAL(10, 2), CONSTRAINT order_items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id));
            """;

    /**
     * The same 20 statements in MySQL syntax, as far as it has them: the online index is ALGORITHM=INPLACE,
     * LOCK=NONE; MySQL has no NOT VALID, so the foreign key is added checked and its VALIDATE is an index instead.
     */
    static final List<String[]> MYSQL_RANGE = List.of(
            new String[] {"customer_phone", "ALTER TABLE customers ADD COLUMN phone VARCHAR(30);"},
            new String[] {"order_currency", "ALTER TABLE orders ADD COLUMN currency CHAR(3) NOT NULL DEFAULT 'EUR';",
                    "ALTER TABLE orders ADD COLUMN updated_at DATETIME NULL DEFAULT CURRENT_TIMESTAMP;"},
            new String[] {"order_status_index", "CREATE INDEX orders_status_idx ON orders (status);"},
            new String[] {"item_product_index", "ALTER TABLE order_items ADD INDEX order_items_product_idx (product_id),"
                    + " ALGORITHM=INPLACE, LOCK=NONE;"},
            new String[] {"item_product_fk", "ALTER TABLE order_items ADD CONSTRAINT order_items_product_fk"
                    + " FOREIGN KEY (product_id) REFERENCES products (id);"},
            new String[] {"order_placed_index", "CREATE INDEX orders_placed_idx ON orders (placed_at);"},
            new String[] {"order_note_required", "UPDATE orders SET note = '' WHERE note IS NULL;",
                    "ALTER TABLE orders MODIFY note VARCHAR(500) NOT NULL;"},
            new String[] {"item_quantity_bigint", "ALTER TABLE order_items MODIFY quantity BIGINT NOT NULL;"},
            new String[] {"customer_full_name", "ALTER TABLE customers RENAME COLUMN name TO full_name;"},
            new String[] {"product_drop_qty", "ALTER TABLE products DROP COLUMN qty;"},
            new String[] {"shipments", "CREATE TABLE shipments (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL,"
                    + " carrier VARCHAR(40), shipped_at DATETIME,"
                    + " CONSTRAINT shipments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id));",
                    "CREATE INDEX shipments_carrier_idx ON shipments (carrier);"},
            new String[] {"product_price_check", "ALTER TABLE products ADD CONSTRAINT products_price_check CHECK (price >= 0);",
                    "ALTER TABLE products ALTER COLUMN price SET DEFAULT 0;"},
            new String[] {"customer_email_longer", "ALTER TABLE customers MODIFY email VARCHAR(320) NOT NULL;"},
            new String[] {"item_unit_price_required", "UPDATE order_items SET unit_price = 0 WHERE unit_price IS NULL;",
                    "ALTER TABLE order_items ALTER COLUMN unit_price SET DEFAULT 0;",
                    "ALTER TABLE order_items MODIFY unit_price DECIMAL(10, 2) NOT NULL DEFAULT 0;"});

    private LockTraceBenchmark() {
    }
}

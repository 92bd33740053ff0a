package dev.migsafe.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Text mutations of a migration file, each deterministic for a given random source and each saying
 * what it did, so that a failing case can be read and reproduced.
 */
final class Mutations {
    private Mutations() {
    }

    /** A mutated text and what was done to it. */
    record Mutated(String text, String description) {
    }

    private record Op(String name, BiFunction<String, SplittableRandom, Mutated> apply) {
    }

    private static final List<Op> OPS = List.of(
            new Op("truncate", Mutations::truncate),
            new Op("delete-tokens", Mutations::deleteTokens),
            new Op("duplicate", Mutations::duplicate),
            new Op("unbalanced-quote", Mutations::unbalancedQuote),
            new Op("line-endings", Mutations::lineEndings),
            new Op("nul", Mutations::nul),
            new Op("deep-nesting", Mutations::deepNesting),
            new Op("operator-chain", Mutations::operatorChain));

    /** One to three mutations in a row. */
    static Mutated any(String text, SplittableRandom r) {
        int count = 1 + r.nextInt(3);
        StringBuilder description = new StringBuilder();
        String current = text;
        for (int i = 0; i < count; i++) {
            Op op = OPS.get(r.nextInt(OPS.size()));
            Mutated m = op.apply.apply(current, r);
            current = m.text;
            description.append(description.isEmpty() ? "" : " + ").append(m.description);
        }
        return new Mutated(current, description.toString());
    }

    static Mutated truncate(String s, SplittableRandom r) {
        int at = r.nextInt(s.length() + 1);
        return new Mutated(s.substring(0, at), "truncate@" + at);
    }

    static Mutated deleteTokens(String s, SplittableRandom r) {
        int n = 1 + r.nextInt(4);
        StringBuilder sb = new StringBuilder(s);
        for (int i = 0; i < n && !sb.isEmpty(); i++) {
            int[] w = word(sb, r.nextInt(sb.length()));
            sb.delete(w[0], w[1]);
        }
        return new Mutated(sb.toString(), "delete-tokens×" + n);
    }

    /** Duplicates a token, or the statement around a point (up to its semicolon). */
    static Mutated duplicate(String s, SplittableRandom r) {
        if (s.isEmpty()) {
            return new Mutated(s, "duplicate(empty)");
        }
        int at = r.nextInt(s.length());
        if (r.nextBoolean()) {
            int[] w = word(s, at);
            return new Mutated(s.substring(0, w[1]) + " " + s.substring(w[0], w[1]) + s.substring(w[1]),
                    "duplicate-token@" + at);
        }
        int end = s.indexOf(';', at);
        end = end < 0 ? s.length() : end + 1;
        int start = Math.max(0, s.lastIndexOf(';', Math.max(0, at - 1)) + 1);
        int times = 1 + r.nextInt(50);
        return new Mutated(s.substring(0, end) + s.substring(start, end).repeat(times) + s.substring(end),
                "duplicate-statement@" + at + "×" + times);
    }

    private static final String[] OPENERS = {"'", "\"", "`", "E'", "$$", "$body$", "$a$ $b$", "/*", "*/", "--", "[", "(", ")"};

    static Mutated unbalancedQuote(String s, SplittableRandom r) {
        String q = OPENERS[r.nextInt(OPENERS.length)];
        int at = r.nextInt(s.length() + 1);
        return new Mutated(s.substring(0, at) + q + s.substring(at), "insert " + q + "@" + at);
    }

    static Mutated lineEndings(String s, SplittableRandom r) {
        String normal = s.replace("\r\n", "\n");
        return switch (r.nextInt(5)) {
            case 0 -> new Mutated(normal.replace('\n', '\r'), "CR-only");
            case 1 -> new Mutated(normal.replace("\n", "\r\n"), "CRLF");
            case 2 -> new Mutated("\uFEFF" + normal, "BOM");
            case 3 -> new Mutated("\uFEFF" + normal.replace('\n', '\r'), "BOM+CR-only");
            default -> new Mutated("-- drop b\rALTER TABLE fuzz_cr DROP COLUMN b;\r" + normal, "CR-hidden-statement");
        };
    }

    static Mutated nul(String s, SplittableRandom r) {
        int n = 1 + r.nextInt(5);
        StringBuilder sb = new StringBuilder(s);
        for (int i = 0; i < n; i++) {
            sb.insert(r.nextInt(sb.length() + 1), '\0');
        }
        return new Mutated(sb.toString(), "NUL×" + n);
    }

    private static final int[] DEPTHS = {50, 500, 3000, 20000};

    static Mutated deepNesting(String s, SplittableRandom r) {
        int d = DEPTHS[r.nextInt(DEPTHS.length)];
        int kind = r.nextInt(5);
        String statement = switch (kind) {
            case 0 -> "CREATE VIEW fuzz_nested AS SELECT " + "(".repeat(d) + "1" + ")".repeat(d) + " AS x;\n";
            case 1 -> "DO $$\n" + "BEGIN\n".repeat(d) + "NULL;\n" + "END;\n".repeat(d) + "$$;\n";
            case 2 -> "/*" + " /*".repeat(d) + " x " + "*/ ".repeat(d) + "*/\nSELECT 1;\n";
            case 3 -> "/*" + " /*".repeat(d) + " x " + "*/ ".repeat(d / 2) + "\nSELECT 1;\n";
            default -> "CREATE VIEW fuzz_case AS SELECT " + "CASE WHEN true THEN ".repeat(d) + "1" + " END".repeat(d) + ";\n";
        };
        String name = List.of("parens", "begin-end", "nested-comments", "unclosed-nested-comments", "case-when").get(kind);
        int at = statementBoundary(s, r);
        return new Mutated(s.substring(0, at) + "\n" + statement + s.substring(at), "nesting(" + name + "," + d + ")@" + at);
    }

    private static final int[] LENGTHS = {100, 1000, 8000};
    private static final String[] OPERATORS = {" + ", " || ", " AND ", " OR ", " * ", ", "};

    static Mutated operatorChain(String s, SplittableRandom r) {
        int n = LENGTHS[r.nextInt(LENGTHS.length)];
        String op = OPERATORS[r.nextInt(OPERATORS.length)];
        String term = op.trim().equals("AND") || op.trim().equals("OR") ? "a = 1" : "1";
        String statement = r.nextBoolean()
                ? "CREATE VIEW fuzz_chain AS SELECT " + (term + op).repeat(n) + term + " AS x;\n"
                : "DELETE FROM fuzz_t WHERE " + ("a = 1" + (op.equals(", ") ? " OR " : op)).repeat(n) + "a = 1;\n";
        int at = statementBoundary(s, r);
        return new Mutated(s.substring(0, at) + "\n" + statement + s.substring(at),
                "chain('" + op.trim() + "'," + n + ")@" + at);
    }

    /** Bytes that are not UTF-8 inserted into the encoded text (stray continuation, overlong, 0xFF). */
    static byte[] invalidUtf8(byte[] text, SplittableRandom r, StringBuilder description) {
        byte[][] junk = {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        byte[] bad = junk[r.nextInt(junk.length)];
        int at = r.nextInt(text.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + bad.length);
        out.write(text, 0, at);
        out.writeBytes(bad);
        out.write(text, at, text.length - at);
        description.append(" + invalid-utf8@").append(at);
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A point just after a semicolon (or the start or end): where a whole statement can go. */
    private static int statementBoundary(String s, SplittableRandom r) {
        int at = r.nextInt(s.length() + 1);
        int semi = s.indexOf(';', at);
        return semi < 0 ? s.length() : semi + 1;
    }

    /** The run of non-blank characters around {@code at}: [start, end). */
    private static int[] word(CharSequence s, int at) {
        int start = at;
        int end = at;
        while (start > 0 && !Character.isWhitespace(s.charAt(start - 1))) {
            start--;
        }
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        return new int[]{start, end};
    }
}

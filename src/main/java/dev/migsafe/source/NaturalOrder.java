package dev.migsafe.source;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Compares names as people read them: "2_b.sql" before "10_a.sql", digit runs by value. */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    @Override
    public int compare(String a, String b) {
        List<String> left = chunks(a);
        List<String> right = chunks(b);
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            String x = left.get(i);
            String y = right.get(i);
            int c = isDigits(x) && isDigits(y) ? new BigInteger(x).compareTo(new BigInteger(y)) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        int bySize = Integer.compare(left.size(), right.size());
        return bySize != 0 ? bySize : a.compareTo(b); // "01" vs "1": still a total order
    }

    private static List<String> chunks(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            boolean digit = Character.isDigit(s.charAt(i));
            int j = i;
            while (j < s.length() && Character.isDigit(s.charAt(j)) == digit) {
                j++;
            }
            out.add(s.substring(i, j));
            i = j;
        }
        return out;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}

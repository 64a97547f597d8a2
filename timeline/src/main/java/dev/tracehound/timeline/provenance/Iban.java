package dev.tracehound.timeline.provenance;

import java.math.BigInteger;

/** ISO 13616 IBAN check (mod 97), so that only real-looking account numbers count. */
public final class Iban {
    private Iban() {}

    public static boolean valid(String candidate) {
        String s = candidate.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (s.length() < 15 || s.length() > 34) return false;
        String rearranged = s.substring(4) + s.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) digits.append(c);
            else if (c >= 'A' && c <= 'Z') digits.append(c - 'A' + 10);
            else return false;
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}

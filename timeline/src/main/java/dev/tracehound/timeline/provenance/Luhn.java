package dev.tracehound.timeline.provenance;

/** The Luhn checksum that payment card numbers carry; it keeps random digit runs from looking like cards. */
public final class Luhn {
    private Luhn() {}

    public static boolean valid(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) return false;
            if (twice) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            twice = !twice;
        }
        return digits.length() >= 12 && sum % 10 == 0;
    }
}

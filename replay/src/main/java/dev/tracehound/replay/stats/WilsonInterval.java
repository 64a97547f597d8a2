package dev.tracehound.replay.stats;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927). Unlike the normal approximation it stays
 * inside [0, 1] and is sensible at 0/N and N/N, which replay runs of ten trials hit all the time.
 */
public record WilsonInterval(double low, double high) {
    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    public static WilsonInterval of(int successes, int trials) {
        return of(successes, trials, Z95);
    }

    public static WilsonInterval of(int successes, int trials, double z) {
        if (trials <= 0) return new WilsonInterval(0, 1);
        if (successes < 0 || successes > trials) throw new IllegalArgumentException("successes must be within 0.." + trials);
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
        return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}

package dev.rlaif.labeler.report;

/**
 * The Wilson score interval for a binomial proportion: unlike the normal approximation it stays inside [0, 1]
 * and behaves for small samples and proportions near 0 or 1 (Wilson 1927).
 */
public record WilsonInterval(double low, double high) {

    /** z for a two-sided 95 % interval. */
    public static final double Z_95 = 1.959963984540054;

    public static WilsonInterval of(long successes, long trials, double z) {
        if (trials <= 0) {
            return new WilsonInterval(0.0, 1.0);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double halfWidth = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new WilsonInterval(Math.max(0.0, centre - halfWidth), Math.min(1.0, centre + halfWidth));
    }

    public static WilsonInterval of95(long successes, long trials) {
        return of(successes, trials, Z_95);
    }
}

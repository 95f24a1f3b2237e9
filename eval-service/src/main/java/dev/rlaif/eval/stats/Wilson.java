package dev.rlaif.eval.stats;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927). Unlike the normal approximation
 * it stays inside [0, 1] and keeps its coverage near 0 and 1, which is where win rates of a strong
 * policy live. Ties counted as half a win make {@code successes} fractional; the interval is then the
 * usual mid-p style approximation.
 */
public final class Wilson {

    /** The standard normal quantile of a two-sided 95 % interval. */
    public static final double Z_95 = 1.959963984540054;

    private Wilson() {
    }

    public static Interval interval(double successes, int n, double z) {
        if (n <= 0) {
            throw new IllegalArgumentException("a proportion needs at least one trial");
        }
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes " + successes + " outside [0, " + n + "]");
        }
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    public static Interval interval95(double successes, int n) {
        return interval(successes, n, Z_95);
    }
}

package dev.rlaif.local.experiments;

import java.util.Locale;

/**
 * A proportion with its 95 % confidence interval, as the services report them (win rates, harmless
 * rates, alignment, position bias).
 *
 * @param value the estimate, 0–1
 * @param low   lower end of the 95 % interval
 * @param high  upper end of the 95 % interval
 * @param n     how many verdicts, prompts or pairs it rests on (0 when unknown)
 */
public record Estimate(double value, double low, double high, long n) {

    private static final double Z95 = 1.959963984540054;

    public Estimate {
        if (Double.isNaN(value) || Double.isNaN(low) || Double.isNaN(high)) {
            throw new IllegalArgumentException("an estimate needs a value and both interval ends");
        }
        if (low > high) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] is reversed");
        }
    }

    /** The Wilson score interval of {@code rate} observed on {@code n} trials (n &gt; 0). */
    public static Estimate wilson(double rate, long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (rate + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(rate * (1 - rate) / n + z2 / (4.0 * n * n)) / denominator;
        return new Estimate(rate, Math.max(0, centre - half), Math.min(1, centre + half), n);
    }

    /** {@code 71.3 % (64.0–78.1)}: percent with the 95 % interval, one decimal. */
    public String percent() {
        return String.format(Locale.ROOT, "%.1f %% (%.1f–%.1f)", 100 * value, 100 * low, 100 * high);
    }

    /** Half the interval's width, for symmetric error bars on charts. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /** Whether the whole interval lies above {@code threshold}. */
    public boolean above(double threshold) {
        return low > threshold;
    }
}

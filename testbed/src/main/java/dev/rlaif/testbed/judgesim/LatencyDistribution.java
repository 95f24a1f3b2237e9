package dev.rlaif.testbed.judgesim;

import java.util.SplittableRandom;

/** How a call's simulated latency is drawn around the configured mean. */
public enum LatencyDistribution {
    /** Always the mean. */
    FIXED,
    /** Uniform on [0, 2 × mean]. */
    UNIFORM,
    /** Exponential with the mean (memoryless, a long tail). */
    EXPONENTIAL,
    /** Log-normal with the mean and σ = 0.5 of the log (the usual shape of service latency). */
    LOG_NORMAL;

    private static final double LOG_SIGMA = 0.5;

    public long draw(long meanMs, SplittableRandom rng) {
        if (meanMs <= 0) {
            return 0;
        }
        double ms = switch (this) {
            case FIXED -> meanMs;
            case UNIFORM -> rng.nextDouble() * 2 * meanMs;
            case EXPONENTIAL -> -Math.log(1.0 - rng.nextDouble()) * meanMs;
            case LOG_NORMAL -> Math.exp(Math.log(meanMs) - LOG_SIGMA * LOG_SIGMA / 2 + LOG_SIGMA * rng.nextGaussian());
        };
        return Math.round(ms);
    }
}

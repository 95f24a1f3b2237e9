package dev.rlaif.testbed.judgesim;

import java.util.List;
import java.util.Objects;

/**
 * Every knob of the judge simulator. Start from {@link #defaults()} and copy with the {@code withX}
 * methods. {@link #withSize} also resets {@code noise}, {@code positionBias} and {@code verbosityBias}
 * to the preset's values, so override those after choosing the size.
 *
 * @param port                0 picks a free port
 * @param seed                fixes every random choice; same seed and same request give the same answer
 * @param size                labeler size preset: fact recall, plan confusion, detail checking, harm recall
 * @param noise               the judge's per-candidate error (standard deviation, utility units)
 * @param positionBias        logit in favour of the first-shown candidate (0 = none)
 * @param verbosityBias       utility the judge adds per word of a candidate (0 = none)
 * @param latencyMs           mean added latency per completion call
 * @param latencyDistribution how the latency is drawn around the mean
 * @param concurrencyLimit    completion calls served at once; 0 = unlimited
 * @param overloadMode        what a call beyond the limit gets: a queue, or 429
 * @param retryAfterSeconds   value of {@code Retry-After} on 429 answers
 * @param rate500             share of calls answered 500
 * @param rateTimeout         share of calls that hang {@code timeoutMs} and then lose the connection
 * @param rateMalformedJson   share of calls answered with truncated JSON
 * @param rateMissingLogprobs share of calls answered without logprobs
 * @param timeoutMs           how long a timeout fault hangs before closing the connection
 * @param scriptedFaults      faults for the first calls, in order (then the rates apply)
 */
public record JudgeSimulatorConfig(int port, long seed, JudgeSize size, double noise, double positionBias,
        double verbosityBias, long latencyMs, LatencyDistribution latencyDistribution, int concurrencyLimit,
        OverloadMode overloadMode, int retryAfterSeconds, double rate500, double rateTimeout,
        double rateMalformedJson, double rateMissingLogprobs, long timeoutMs, List<Fault> scriptedFaults) {

    public static final long DEFAULT_SEED = 42L;

    public JudgeSimulatorConfig {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(latencyDistribution, "latencyDistribution");
        Objects.requireNonNull(overloadMode, "overloadMode");
        scriptedFaults = List.copyOf(scriptedFaults);
        requireRange("port", port, 0, 65535);
        requireRange("noise", noise, 0, Double.MAX_VALUE);
        requireRange("latencyMs", latencyMs, 0, Long.MAX_VALUE);
        requireRange("concurrencyLimit", concurrencyLimit, 0, Integer.MAX_VALUE);
        requireRange("retryAfterSeconds", retryAfterSeconds, 0, Integer.MAX_VALUE);
        requireRange("timeoutMs", timeoutMs, 0, Long.MAX_VALUE);
        for (double rate : new double[] {rate500, rateTimeout, rateMalformedJson, rateMissingLogprobs}) {
            requireRange("fault rate", rate, 0, 1);
        }
        if (rate500 + rateTimeout + rateMalformedJson + rateMissingLogprobs > 1.0 + 1e-9) {
            throw new IllegalArgumentException("fault rates must sum to at most 1");
        }
    }

    /** Size l, seed 42, ephemeral port, no latency, no limit, no faults. */
    public static JudgeSimulatorConfig defaults() {
        JudgeSize size = JudgeSize.L;
        return new JudgeSimulatorConfig(0, DEFAULT_SEED, size, size.noise(), size.positionBias(),
                size.verbosityBias(), 0, LatencyDistribution.FIXED, 0, OverloadMode.QUEUE, 1, 0, 0, 0, 0, 30_000,
                List.of());
    }

    public JudgeSimulatorConfig withPort(int port) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withSeed(long seed) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    /** The preset, with its noise, position bias and verbosity bias. */
    public JudgeSimulatorConfig withSize(JudgeSize size) {
        return new JudgeSimulatorConfig(port, seed, size, size.noise(), size.positionBias(), size.verbosityBias(),
                latencyMs, latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500,
                rateTimeout, rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    /** {@code xs}, {@code s} or {@code l}. */
    public JudgeSimulatorConfig withSize(String size) {
        return withSize(JudgeSize.parse(size));
    }

    public JudgeSimulatorConfig withNoise(double noise) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withPositionBias(double positionBias) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withVerbosityBias(double verbosityBias) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withLatencyMs(long latencyMs) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withLatencyDistribution(LatencyDistribution latencyDistribution) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withConcurrencyLimit(int concurrencyLimit) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withOverloadMode(OverloadMode overloadMode) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withRetryAfterSeconds(int retryAfterSeconds) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withRate500(double rate500) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withRateTimeout(double rateTimeout) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withRateMalformedJson(double rateMalformedJson) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withRateMissingLogprobs(double rateMissingLogprobs) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withTimeoutMs(long timeoutMs) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withScriptedFaults(List<Fault> scriptedFaults) {
        return new JudgeSimulatorConfig(port, seed, size, noise, positionBias, verbosityBias, latencyMs,
                latencyDistribution, concurrencyLimit, overloadMode, retryAfterSeconds, rate500, rateTimeout,
                rateMalformedJson, rateMissingLogprobs, timeoutMs, scriptedFaults);
    }

    public JudgeSimulatorConfig withScriptedFaults(Fault... scriptedFaults) {
        return withScriptedFaults(List.of(scriptedFaults));
    }

    private static void requireRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}

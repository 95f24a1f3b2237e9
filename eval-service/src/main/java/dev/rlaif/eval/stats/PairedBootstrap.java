package dev.rlaif.eval.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * A seeded percentile bootstrap over prompts (Efron 1979). Resampling whole prompts keeps together
 * everything measured on one prompt (both policies' responses, several raters), so the interval
 * reflects the prompt-to-prompt variation of the comparison, not only the raters' noise.
 */
public final class PairedBootstrap {

    public static final int DEFAULT_RESAMPLES = 2000;

    private PairedBootstrap() {
    }

    /** The percentile interval of the mean of per-prompt values. */
    public static Interval meanInterval(double[] perPrompt, int resamples, long seed, double level) {
        return interval(perPrompt.length, indices -> {
            double sum = 0;
            for (int i : indices) {
                sum += perPrompt[i];
            }
            return sum / indices.length;
        }, resamples, seed, level);
    }

    /**
     * The percentile interval of any statistic of the prompts: {@code statistic} receives the resampled
     * prompt indices (with repetitions) and returns the statistic on that resample.
     */
    public static Interval interval(int prompts, ToDoubleFunction<int[]> statistic, int resamples, long seed, double level) {
        if (prompts <= 0 || resamples <= 0) {
            throw new IllegalArgumentException("the bootstrap needs prompts and resamples");
        }
        if (level <= 0 || level >= 1) {
            throw new IllegalArgumentException("level must be in (0, 1)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] statistics = new double[resamples];
        int[] indices = new int[prompts];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < prompts; i++) {
                indices[i] = random.nextInt(prompts);
            }
            statistics[r] = statistic.applyAsDouble(indices);
        }
        Arrays.sort(statistics);
        double tail = (1 - level) / 2;
        return new Interval(quantile(statistics, tail), quantile(statistics, 1 - tail));
    }

    /** Linear interpolation between order statistics (type 7, the default of R and NumPy). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}

package dev.rlaif.eval.stats;

import java.util.List;

/**
 * A win rate of A over B with its 95 % interval.
 *
 * @param winRate mean preference for A over the prompts, ties counted as ½
 * @param interval the 95 % confidence interval
 * @param method {@code wilson} (one hard verdict per prompt) or {@code bootstrap} (soft verdicts, or
 *     several raters per prompt: resampled by prompt)
 * @param prompts prompts with at least one verdict
 * @param verdicts verdicts counted (several raters of one prompt each count)
 * @param wins verdicts above ½
 * @param ties verdicts of exactly ½
 * @param losses verdicts below ½
 */
public record WinRateEstimate(double winRate, Interval interval, String method, int prompts, int verdicts,
                              int wins, int ties, int losses) {

    /**
     * Estimates from the verdicts of each prompt, each a probability that A is better (1 = A, 0 = B,
     * ½ = tie; soft labels in between). Prompts without verdicts are left out.
     */
    public static WinRateEstimate of(List<double[]> verdictsPerPrompt, long seed) {
        List<double[]> rated = verdictsPerPrompt.stream().filter(v -> v.length > 0).toList();
        if (rated.isEmpty()) {
            throw new IllegalArgumentException("no verdicts");
        }
        int wins = 0, ties = 0, losses = 0, verdicts = 0;
        boolean hard = true;
        double[] promptMeans = new double[rated.size()];
        for (int i = 0; i < rated.size(); i++) {
            double sum = 0;
            for (double v : rated.get(i)) {
                if (v < 0 || v > 1 || Double.isNaN(v)) {
                    throw new IllegalArgumentException("verdict " + v + " is not a probability");
                }
                hard &= v == 0 || v == 0.5 || v == 1;
                if (v > 0.5) {
                    wins++;
                } else if (v < 0.5) {
                    losses++;
                } else {
                    ties++;
                }
                sum += v;
                verdicts++;
            }
            promptMeans[i] = sum / rated.get(i).length;
            hard &= rated.get(i).length == 1;
        }
        double mean = 0;
        for (double m : promptMeans) {
            mean += m;
        }
        mean /= promptMeans.length;
        Interval interval = hard
                ? Wilson.interval95(mean * promptMeans.length, promptMeans.length)
                : PairedBootstrap.meanInterval(promptMeans, PairedBootstrap.DEFAULT_RESAMPLES, seed, 0.95);
        return new WinRateEstimate(mean, interval, hard ? "wilson" : "bootstrap", rated.size(), verdicts, wins, ties, losses);
    }
}

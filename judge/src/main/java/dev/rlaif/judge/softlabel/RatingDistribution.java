package dev.rlaif.judge.softlabel;

import java.util.Map;

/**
 * Direct RLAIF (Lee et al., 2309.00267, §2.3): the labeler rates a response 1–10; the reward is
 * the expected score Σ i·P(i) over the ten score tokens, rescaled linearly to [−1, 1].
 *
 * @param probabilities P(i) for i = 1..10 at index i − 1, normalised over the ten scores
 */
public record RatingDistribution(double[] probabilities) {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 10;

    public RatingDistribution {
        if (probabilities.length != MAX_SCORE) {
            throw new IllegalArgumentException("a rating distribution has ten scores, got " + probabilities.length);
        }
        probabilities = probabilities.clone();
    }

    /**
     * The softmax over the score tokens' log-probabilities (variants merged); scores absent from
     * the top log-probabilities get probability 0.
     *
     * @throws IllegalArgumentException when no score token appears
     */
    public static RatingDistribution fromTopLogprobs(Map<String, Double> topLogprobs) {
        double[] logprobs = new double[MAX_SCORE];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = MIN_SCORE; i <= MAX_SCORE; i++) {
            logprobs[i - 1] = AnswerTokens.logProbability(Integer.toString(i), topLogprobs);
            max = Math.max(max, logprobs[i - 1]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("none of the score tokens 1..10 has a log-probability");
        }
        double[] p = new double[MAX_SCORE];
        double sum = 0;
        for (int i = 0; i < MAX_SCORE; i++) {
            p[i] = Math.exp(logprobs[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < MAX_SCORE; i++) {
            p[i] /= sum;
        }
        return new RatingDistribution(p);
    }

    /** Σ i·P(i), in [1, 10]. */
    public double expectedScore() {
        double expected = 0;
        for (int i = 0; i < MAX_SCORE; i++) {
            expected += (i + 1) * probabilities[i];
        }
        return expected;
    }

    /** The expected score mapped linearly from [1, 10] onto [−1, 1]. */
    public double reward() {
        return rescale(expectedScore());
    }

    /** 1 → −1, 5.5 → 0, 10 → 1. */
    public static double rescale(double score) {
        return 2.0 * (score - MIN_SCORE) / (MAX_SCORE - MIN_SCORE) - 1.0;
    }

    public double probability(int score) {
        return probabilities[score - 1];
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}

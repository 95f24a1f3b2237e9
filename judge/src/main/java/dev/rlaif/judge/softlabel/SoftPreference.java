package dev.rlaif.judge.softlabel;

import java.util.List;
import java.util.Map;

/**
 * The RLAIF soft label (Lee et al., 2309.00267, §2.1): the softmax over the log-probabilities of
 * the two answer tokens only, read at the position after the prompt's ending.
 */
public final class SoftPreference {

    private SoftPreference() {
    }

    /**
     * P(first) = exp(lp1) / (exp(lp1) + exp(lp2)), computed as a logistic of the difference so that
     * very negative log-probabilities do not underflow. An absent token is negative infinity; both
     * absent is an error for the caller to detect before calling this.
     */
    public static double probabilityFirst(double logprobFirst, double logprobSecond) {
        if (logprobFirst == Double.NEGATIVE_INFINITY && logprobSecond == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("neither answer token has a log-probability");
        }
        if (logprobSecond == Double.NEGATIVE_INFINITY) {
            return 1.0;
        }
        if (logprobFirst == Double.NEGATIVE_INFINITY) {
            return 0.0;
        }
        return 1.0 / (1.0 + Math.exp(logprobSecond - logprobFirst));
    }

    /**
     * The soft label for answers {@code first}/{@code second} (e.g. {@code "1"}/{@code "2"} or
     * {@code "A"}/{@code "B"}) from one position's top log-probabilities, variants merged.
     *
     * @throws IllegalArgumentException when neither answer appears
     */
    public static double fromTopLogprobs(String first, String second, Map<String, Double> topLogprobs) {
        return probabilityFirst(AnswerTokens.logProbability(first, topLogprobs),
                AnswerTokens.logProbability(second, topLogprobs));
    }

    /** Whether at least one of the two answers appears among the top log-probabilities. */
    public static boolean hasEitherAnswer(String first, String second, Map<String, Double> topLogprobs) {
        return AnswerTokens.logProbability(first, topLogprobs) > Double.NEGATIVE_INFINITY
                || AnswerTokens.logProbability(second, topLogprobs) > Double.NEGATIVE_INFINITY;
    }

    /**
     * Maps the probability that the candidate shown first is better back to candidate A: with the
     * order swapped (B shown first) P(A) = 1 − P(first).
     */
    public static double probabilityA(double probabilityFirst, boolean aShownFirst) {
        return aShownFirst ? probabilityFirst : 1.0 - probabilityFirst;
    }

    /** Position debiasing: the mean of P(A) over both orders, each already mapped back to A. */
    public static double averageOrders(double probabilityAWhenAFirst, double probabilityAWhenBFirst) {
        return (probabilityAWhenAFirst + probabilityAWhenBFirst) / 2.0;
    }

    /** The mean of several distributions over two outcomes (self-consistency, principle ensembles). */
    public static double mean(List<Double> probabilities) {
        if (probabilities.isEmpty()) {
            throw new IllegalArgumentException("no probabilities to average");
        }
        double sum = 0;
        for (double p : probabilities) {
            sum += p;
        }
        return sum / probabilities.size();
    }
}

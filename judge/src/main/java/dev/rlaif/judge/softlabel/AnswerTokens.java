package dev.rlaif.judge.softlabel;

import java.util.Map;

/**
 * Reads the log-probability of an answer such as {@code 1}, {@code A} or {@code 10} from a
 * position's top log-probabilities, merging the tokenizer's variants of it.
 *
 * <p>Tokenizers spell the same answer several ways ({@code "1"}, {@code " 1"}, SentencePiece's
 * {@code "▁1"}, byte-level BPE's {@code "Ġ1"}); they are distinct tokens whose probabilities add up,
 * so their log-probabilities are combined with log-sum-exp.
 */
public final class AnswerTokens {

    private AnswerTokens() {
    }

    /**
     * The merged log-probability of {@code answer}, or {@link Double#NEGATIVE_INFINITY} when no
     * variant of it is among {@code topLogprobs}.
     */
    public static double logProbability(String answer, Map<String, Double> topLogprobs) {
        double merged = Double.NEGATIVE_INFINITY;
        for (var entry : topLogprobs.entrySet()) {
            if (normalize(entry.getKey()).equals(answer)) {
                merged = logSumExp(merged, entry.getValue());
            }
        }
        return merged;
    }

    /** The token's text without surrounding whitespace or the tokenizers' space markers. */
    public static String normalize(String token) {
        return token.replace('\u2581', ' ').replace('\u0120', ' ').strip();
    }

    /** {@code log(exp(a) + exp(b))} without overflow; either side may be negative infinity. */
    public static double logSumExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double max = Math.max(a, b);
        return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
    }
}

package dev.rlaif.ml.sampling;

/**
 * One batch of continuations, row i for prompt i.
 *
 * @param tokens the new tokens of each row, ending with EOS when the row stopped there
 * @param logProbs log π(token) of each new token under the temperature-scaled distribution
 *     (before top-k / top-p filtering; greedy rows use temperature 1)
 * @param stoppedAtEos whether the row ended by producing EOS rather than hitting the length limit
 */
public record Samples(long[][] tokens, float[][] logProbs, boolean[] stoppedAtEos) {

    public int size() {
        return tokens.length;
    }

    public long totalTokens() {
        long n = 0;
        for (long[] row : tokens) {
            n += row.length;
        }
        return n;
    }
}

package dev.rlaif.ml.training;

/**
 * Two responses to one prompt and the probability that the first is better: a soft AI label
 * (RLAIF) or a hard 0 / 1 label.
 */
public record PreferencePair(long[] prompt, long[] response1, long[] response2, float preference1) {

    public PreferencePair {
        if (preference1 < 0 || preference1 > 1) {
            throw new IllegalArgumentException("preference must be a probability, got " + preference1);
        }
    }
}

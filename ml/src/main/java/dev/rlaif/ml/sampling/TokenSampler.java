package dev.rlaif.ml.sampling;

import dev.rlaif.ml.Rng;
import java.util.Arrays;

/** Draws one token from a row of logits: temperature, then top-k, then top-p (nucleus). */
final class TokenSampler {

    /** The chosen token and its log-probability under the temperature-scaled distribution. */
    record Choice(int token, float logProb) {}

    private TokenSampler() {}

    static Choice choose(float[] logits, int offset, int vocab, SamplingConfig config, Rng rng) {
        double temperature = config.isGreedy() ? 1.0 : config.temperature();
        double[] logProbs = new double[vocab];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vocab; i++) {
            logProbs[i] = logits[offset + i] / temperature;
            max = Math.max(max, logProbs[i]);
        }
        double sum = 0;
        for (int i = 0; i < vocab; i++) {
            sum += Math.exp(logProbs[i] - max);
        }
        double logNormalizer = max + Math.log(sum);
        int best = 0;
        for (int i = 0; i < vocab; i++) {
            logProbs[i] -= logNormalizer;
            if (logProbs[i] > logProbs[best]) {
                best = i;
            }
        }
        if (config.isGreedy()) {
            return new Choice(best, (float) logProbs[best]);
        }
        Integer[] order = new Integer[vocab];
        for (int i = 0; i < vocab; i++) {
            order[i] = i;
        }
        // most likely first; ties by id so the order is deterministic
        Arrays.sort(order, (a, b) -> logProbs[a] != logProbs[b] ? Double.compare(logProbs[b], logProbs[a]) : Integer.compare(a, b));
        int kept = config.topK() > 0 ? Math.min(config.topK(), vocab) : vocab;
        if (config.topP() < 1f) {
            double cumulative = 0;
            for (int i = 0; i < kept; i++) {
                cumulative += Math.exp(logProbs[order[i]]);
                if (cumulative >= config.topP()) {
                    kept = i + 1;
                    break;
                }
            }
        }
        double mass = 0;
        for (int i = 0; i < kept; i++) {
            mass += Math.exp(logProbs[order[i]]);
        }
        double u = rng.nextDouble() * mass;
        int chosen = order[kept - 1];
        for (int i = 0; i < kept; i++) {
            u -= Math.exp(logProbs[order[i]]);
            if (u < 0) {
                chosen = order[i];
                break;
            }
        }
        return new Choice(chosen, (float) logProbs[chosen]);
    }
}

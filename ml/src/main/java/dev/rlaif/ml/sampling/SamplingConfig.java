package dev.rlaif.ml.sampling;

/**
 * How to draw continuations.
 *
 * @param temperature logits are divided by it; 0 means greedy. The RLAIF paper samples policies at
 *     0.9 (Lee et al. 2023, section 4.3).
 * @param topK keep only the k most likely tokens; 0 keeps all
 * @param topP keep the smallest set of tokens whose probability reaches p; 1 keeps all
 * @param maxNewTokens stop a sequence after this many tokens (also bounded by {@code n_positions})
 * @param useKvCache reuse earlier keys and values; false recomputes the whole prefix each token
 */
public record SamplingConfig(float temperature, int topK, float topP, int maxNewTokens, boolean useKvCache) {

    public static final float RLAIF_TEMPERATURE = 0.9f;

    public SamplingConfig {
        if (temperature < 0 || topK < 0 || topP <= 0 || topP > 1 || maxNewTokens < 0) {
            throw new IllegalArgumentException("invalid sampling config " + temperature + "/" + topK + "/" + topP);
        }
    }

    public static SamplingConfig rlaifDefaults(int maxNewTokens) {
        return new SamplingConfig(RLAIF_TEMPERATURE, 0, 1f, maxNewTokens, true);
    }

    public static SamplingConfig greedy(int maxNewTokens) {
        return new SamplingConfig(0f, 0, 1f, maxNewTokens, true);
    }

    public SamplingConfig withoutKvCache() {
        return new SamplingConfig(temperature, topK, topP, maxNewTokens, false);
    }

    public boolean isGreedy() {
        return temperature == 0f;
    }
}

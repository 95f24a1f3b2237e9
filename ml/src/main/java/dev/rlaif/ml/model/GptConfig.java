package dev.rlaif.ml.model;

/**
 * Everything that fixes a GPT-2 model's shape, with Hugging Face's names in the comments.
 *
 * @param vocabSize {@code vocab_size}
 * @param blockSize {@code n_positions}: the longest sequence the learned positions cover
 * @param nLayer {@code n_layer}
 * @param nHead {@code n_head}
 * @param nEmbd {@code n_embd}
 * @param dropout {@code resid_pdrop}, {@code embd_pdrop} and {@code attn_pdrop} (one value)
 * @param layerNormEpsilon {@code layer_norm_epsilon}
 * @param bosTokenId {@code bos_token_id}
 * @param eosTokenId {@code eos_token_id}
 * @param padTokenId {@code pad_token_id} (GPT-2 has none; its EOS is used)
 */
public record GptConfig(
        int vocabSize,
        int blockSize,
        int nLayer,
        int nHead,
        int nEmbd,
        float dropout,
        float layerNormEpsilon,
        int bosTokenId,
        int eosTokenId,
        int padTokenId) {

    public GptConfig {
        if (nEmbd % nHead != 0) {
            throw new IllegalArgumentException("n_embd " + nEmbd + " is not a multiple of n_head " + nHead);
        }
    }

    public int headSize() {
        return nEmbd / nHead;
    }

    public GptConfig withDropout(float newDropout) {
        return new GptConfig(vocabSize, blockSize, nLayer, nHead, nEmbd, newDropout, layerNormEpsilon,
                bosTokenId, eosTokenId, padTokenId);
    }

    /** Parameters in the backbone and tied head (the scalar head not counted). */
    public long parameterCount() {
        long c = nEmbd;
        long perBlock = 2 * 2 * c + (c * 3 * c + 3 * c) + (c * c + c) + (c * 4 * c + 4 * c) + (4 * c * c + c);
        return (long) vocabSize * c + (long) blockSize * c + nLayer * perBlock + 2 * c;
    }

    /**
     * Size presets for models trained from scratch on a small word-level vocabulary.
     *
     * <ul>
     *   <li>{@code scratch:xxs} ~0.04 M parameters, for tests;
     *   <li>{@code scratch:xs} ~1 M;
     *   <li>{@code scratch:s} ~3 M;
     *   <li>{@code scratch:m} ~10 M.
     * </ul>
     */
    public static GptConfig preset(String name, int vocabSize, int bos, int eos, int pad) {
        return switch (name) {
            case "scratch:xxs" -> new GptConfig(vocabSize, 64, 2, 2, 32, 0f, 1e-5f, bos, eos, pad);
            case "scratch:xs" -> new GptConfig(vocabSize, 128, 4, 4, 128, 0.1f, 1e-5f, bos, eos, pad);
            case "scratch:s" -> new GptConfig(vocabSize, 256, 6, 6, 192, 0.1f, 1e-5f, bos, eos, pad);
            case "scratch:m" -> new GptConfig(vocabSize, 256, 8, 8, 320, 0.1f, 1e-5f, bos, eos, pad);
            default -> throw new IllegalArgumentException("unknown model preset " + name
                    + " (scratch:xxs, scratch:xs, scratch:s, scratch:m)");
        };
    }
}

package dev.rlaif.ml.tokenizer;

import java.util.Arrays;

/**
 * How prompts and responses become a policy's tokens, the same for SFT, sampling, RL, reward models and
 * evaluation: the prompt, then the {@code TL;DR:} marker; the response follows and ends with EOS. Long
 * prompts keep their end so that prompt and response fit the model's context.
 */
public final class PolicyText {

    public static final String MARKER = "TL;DR:";

    private PolicyText() {
    }

    /** The prompt's tokens, leaving room for {@code maxNewTokens} in a context of {@code contextLength}. */
    public static long[] prompt(TextTokenizer tokenizer, String prompt, int contextLength, int maxNewTokens) {
        return promptWithin(tokenizer, prompt, Math.max(1, contextLength - maxNewTokens));
    }

    /** The prompt's tokens, at most {@code room} of them (the end is kept). */
    public static long[] promptWithin(TextTokenizer tokenizer, String prompt, int room) {
        long[] ids = tokenizer.encode(prompt.strip() + " " + MARKER);
        return ids.length <= room ? ids : Arrays.copyOfRange(ids, ids.length - room, ids.length);
    }

    /** The response's tokens followed by EOS, at most {@code maxTokens} in all. */
    public static long[] response(TextTokenizer tokenizer, String response, int maxTokens) {
        long[] ids = tokenizer.encode(response);
        if (ids.length > maxTokens - 1) {
            ids = Arrays.copyOf(ids, maxTokens - 1);
        }
        long[] withEos = Arrays.copyOf(ids, ids.length + 1);
        withEos[ids.length] = tokenizer.eosId();
        return withEos;
    }

    /** Generated tokens back to text, without EOS or padding. */
    public static String decode(TextTokenizer tokenizer, long[] generated) {
        return tokenizer.decode(generated).strip();
    }
}

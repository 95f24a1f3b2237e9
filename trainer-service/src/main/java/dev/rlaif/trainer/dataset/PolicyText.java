package dev.rlaif.trainer.dataset;

import dev.rlaif.ml.tokenizer.TextTokenizer;
import java.util.Arrays;

/**
 * How prompts and responses become the policy's tokens: the prompt, then the {@code TL;DR:} marker;
 * the response follows and ends with EOS. Long prompts keep their end so prompt + response fit the
 * model's context.
 */
public final class PolicyText {

    public static final String MARKER = "TL;DR:";

    private PolicyText() {
    }

    public static long[] prompt(TextTokenizer tokenizer, String prompt, int contextLength, int maxNewTokens) {
        long[] ids = tokenizer.encode(prompt + " " + MARKER);
        int room = Math.max(1, contextLength - maxNewTokens);
        return ids.length <= room ? ids : Arrays.copyOfRange(ids, ids.length - room, ids.length);
    }

    public static long[] response(TextTokenizer tokenizer, String response, int maxNewTokens) {
        long[] ids = tokenizer.encode(response);
        if (ids.length >= maxNewTokens) {
            ids = Arrays.copyOf(ids, maxNewTokens - 1);
        }
        long[] withEos = Arrays.copyOf(ids, ids.length + 1);
        withEos[ids.length] = tokenizer.eosId();
        return withEos;
    }

    /** Generated tokens back to text, without EOS / padding. */
    public static String decode(TextTokenizer tokenizer, long[] generated) {
        return tokenizer.decode(generated).strip();
    }
}

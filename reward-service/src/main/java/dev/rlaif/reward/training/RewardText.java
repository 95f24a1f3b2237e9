package dev.rlaif.reward.training;

import dev.rlaif.ml.tokenizer.TextTokenizer;
import java.util.Arrays;

/**
 * How a prompt and a response become a reward model's tokens: the policy's own layout (the prompt, the
 * {@code TL;DR:} marker, the response, EOS), since the reward model starts from the SFT policy. The
 * response is cut to {@code maxResponseTokens} and the prompt keeps its end, so every sequence fits the
 * model's context; the reward is read at the EOS token.
 */
public record RewardText(TextTokenizer tokenizer, int contextLength, int maxResponseTokens) {

    public static final String MARKER = "TL;DR:";

    public RewardText {
        if (contextLength < 4) {
            throw new IllegalArgumentException("a context of " + contextLength + " tokens cannot hold a prompt and a response");
        }
        maxResponseTokens = Math.max(2, Math.min(maxResponseTokens, contextLength / 2));
    }

    /** Prompt and response token ids of one sequence. */
    public record Encoded(long[] prompt, long[] response) {
    }

    public Encoded encode(String prompt, String response) {
        long[] answer = responseIds(response);
        return new Encoded(promptIds(prompt, contextLength - answer.length), answer);
    }

    long[] responseIds(String response) {
        long[] ids = tokenizer.encode(response);
        if (ids.length > maxResponseTokens - 1) {
            ids = Arrays.copyOf(ids, maxResponseTokens - 1);
        }
        long[] withEos = Arrays.copyOf(ids, ids.length + 1);
        withEos[ids.length] = tokenizer.eosId();
        return withEos;
    }

    long[] promptIds(String prompt, int room) {
        long[] ids = tokenizer.encode(prompt.strip() + " " + MARKER);
        return ids.length <= room ? ids : Arrays.copyOfRange(ids, ids.length - room, ids.length);
    }
}

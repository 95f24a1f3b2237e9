package dev.rlaif.reward.training;

import dev.rlaif.ml.tokenizer.PolicyText;
import dev.rlaif.ml.tokenizer.TextTokenizer;

/**
 * How a prompt and a response become a reward model's tokens: the policy's own layout ({@link PolicyText}:
 * the prompt, the {@code TL;DR:} marker, the response, EOS), since the reward model starts from the SFT policy. The
 * response is cut to {@code maxResponseTokens} and the prompt keeps its end, so every sequence fits the
 * model's context; the reward is read at the EOS token.
 */
public record RewardText(TextTokenizer tokenizer, int contextLength, int maxResponseTokens) {

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
        return PolicyText.response(tokenizer, response, maxResponseTokens);
    }

    long[] promptIds(String prompt, int room) {
        return PolicyText.promptWithin(tokenizer, prompt, room);
    }
}

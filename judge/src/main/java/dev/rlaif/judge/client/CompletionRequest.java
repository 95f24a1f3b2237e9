package dev.rlaif.judge.client;

import java.util.List;

/**
 * One prompt to complete.
 *
 * @param prompt the whole prompt; chat endpoints receive it as a single user message
 * @param temperature 0 for greedy decoding
 * @param maxTokens how many tokens to generate at most
 * @param topLogprobs how many alternatives to return per generated position; 0 asks for none, and
 *     a positive value makes a response without log-probabilities an error
 * @param seed a sampling seed for servers that honour one, or null
 * @param stop stop sequences (empty for none)
 * @param topK top-k sampling for servers that accept it (vLLM, llama.cpp, TGI), or null to not send it
 */
public record CompletionRequest(String prompt, double temperature, int maxTokens, int topLogprobs, Long seed,
        List<String> stop, Integer topK) {

    public CompletionRequest {
        if (prompt == null) {
            throw new IllegalArgumentException("prompt is required");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1");
        }
        if (temperature < 0) {
            throw new IllegalArgumentException("temperature must not be negative");
        }
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    /** One greedy token with its top log-probabilities: how every soft label is read. */
    public static CompletionRequest nextTokenLogprobs(String prompt, int topLogprobs) {
        if (topLogprobs < 1) {
            throw new IllegalArgumentException("scoring needs topLogprobs of at least 1");
        }
        return new CompletionRequest(prompt, 0.0, 1, topLogprobs, null, List.of(), null);
    }

    /** Free text, e.g. a rationale or a revision. */
    public static CompletionRequest generation(String prompt, double temperature, int maxTokens, Long seed) {
        return new CompletionRequest(prompt, temperature, maxTokens, 0, seed, List.of(), null);
    }

    public CompletionRequest withTopK(Integer k) {
        return new CompletionRequest(prompt, temperature, maxTokens, topLogprobs, seed, stop, k);
    }

    public CompletionRequest withStop(List<String> sequences) {
        return new CompletionRequest(prompt, temperature, maxTokens, topLogprobs, seed, sequences, topK);
    }
}

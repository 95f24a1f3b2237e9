package dev.rlaif.judge.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model's answer to one {@link CompletionRequest}.
 *
 * @param text the generated text
 * @param tokens the generated positions with their log-probabilities; empty when none were asked for
 * @param usage tokens billed for this call (all attempts' successful one only)
 * @param latency wall time of the call, retries and waits included
 * @param attempts how many HTTP attempts the call took (1 when nothing was retried)
 * @param finishReason the server's finish reason, or null when it gave none
 */
public record Completion(String text, List<GeneratedToken> tokens, TokenUsage usage, Duration latency, int attempts,
        String finishReason) {

    public Completion {
        tokens = List.copyOf(tokens);
    }

    /** The top log-probabilities at the first generated position, where a soft label is read. */
    public Optional<Map<String, Double>> firstPositionLogprobs() {
        return tokens.isEmpty() ? Optional.empty() : Optional.of(tokens.getFirst().topLogprobs());
    }

    public Completion withTiming(Duration callLatency, int callAttempts) {
        return new Completion(text, tokens, usage, callLatency, callAttempts, finishReason);
    }
}

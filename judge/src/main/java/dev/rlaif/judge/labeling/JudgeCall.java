package dev.rlaif.judge.labeling;

import dev.rlaif.judge.client.Completion;
import dev.rlaif.judge.client.CompletionRequest;
import dev.rlaif.judge.client.TokenUsage;
import java.time.Duration;
import java.util.Map;

/**
 * One call made for a label, as sent and as answered.
 *
 * @param purpose what the call was for
 * @param prompt the exact prompt sent
 * @param temperature the sampling temperature sent
 * @param maxTokens the generation limit sent
 * @param response the generated text
 * @param firstPositionLogprobs the raw top log-probabilities at the first generated position
 *     (empty when none were requested)
 * @param usage tokens billed
 * @param latency wall time, retries included
 * @param attempts HTTP attempts the call took
 */
public record JudgeCall(Purpose purpose, String prompt, double temperature, int maxTokens, String response,
        Map<String, Double> firstPositionLogprobs, TokenUsage usage, Duration latency, int attempts) {

    /** Why a call was made. */
    public enum Purpose {
        SCORE, RATIONALE, VOTE, RATING, RESPONSE, CRITIQUE, REVISION
    }

    public JudgeCall {
        firstPositionLogprobs = firstPositionLogprobs == null ? Map.of() : firstPositionLogprobs;
    }

    public static JudgeCall of(Purpose purpose, CompletionRequest request, Completion completion) {
        return new JudgeCall(purpose, request.prompt(), request.temperature(), request.maxTokens(), completion.text(),
                completion.firstPositionLogprobs().orElse(Map.of()), completion.usage(), completion.latency(),
                completion.attempts());
    }
}

package dev.rlaif.labeler.labels;

import dev.rlaif.judge.labeling.JudgeCall;
import dev.rlaif.judge.labeling.Judgement;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.PreferenceLabel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that produced a label, stored as jsonb: the technique settings, and per scored prompt (order,
 * principle, rationale) every call as sent and as answered, with the raw log-probabilities at the answer position.
 */
public record LabelTrace(String model, String source, LabelingSettings settings, Double probabilityAWhenAFirst,
                         Double probabilityAWhenBFirst, List<ScoredPrompt> judgements) {

    /** One order (and principle, and rationale) of a label. */
    public record ScoredPrompt(String order, String principle, String rationale, double probabilityFirst,
                               double probabilityA, String source, List<Call> calls) {
    }

    /** One judge call; {@code logprobs} holds the finite top log-probabilities of the first generated position. */
    public record Call(String purpose, String prompt, double temperature, int maxTokens, String response,
                       Map<String, Double> logprobs, long promptTokens, long completionTokens, long latencyMs,
                       int attempts) {
    }

    public static LabelTrace of(PreferenceLabel label) {
        return new LabelTrace(label.model(), label.source().name(), label.settings(),
                finite(label.probabilityAWhenAFirst()), finite(label.probabilityAWhenBFirst()),
                label.judgements().stream().map(LabelTrace::scored).toList());
    }

    private static ScoredPrompt scored(Judgement j) {
        return new ScoredPrompt(j.order().name(), j.principle(), j.rationale(), j.probabilityFirst(), j.probabilityA(),
                j.source().name(), j.calls().stream().map(LabelTrace::call).toList());
    }

    private static Call call(JudgeCall c) {
        Map<String, Double> logprobs = new LinkedHashMap<>();
        // -Infinity (a token the server gave no probability) has no JSON form and carries no mass
        c.firstPositionLogprobs().forEach((token, logprob) -> {
            if (Double.isFinite(logprob)) {
                logprobs.put(token, logprob);
            }
        });
        return new Call(c.purpose().name(), c.prompt(), c.temperature(), c.maxTokens(), c.response(), logprobs,
                c.usage().promptTokens(), c.usage().completionTokens(), c.latency().toMillis(), c.attempts());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

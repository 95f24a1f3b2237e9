package dev.rlaif.judge.testing;

import dev.rlaif.judge.client.Completion;
import dev.rlaif.judge.client.CompletionRequest;
import dev.rlaif.judge.client.GeneratedToken;
import dev.rlaif.judge.client.LlmClient;
import dev.rlaif.judge.client.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An in-memory judge: answers each request with a function of it and records every request. */
public final class FakeLlm implements LlmClient {

    private final Function<CompletionRequest, Completion> answer;
    private final List<CompletionRequest> requests = new CopyOnWriteArrayList<>();

    public FakeLlm(Function<CompletionRequest, Completion> answer) {
        this.answer = answer;
    }

    @Override
    public Completion complete(CompletionRequest request) {
        requests.add(request);
        return answer.apply(request);
    }

    @Override
    public String model() {
        return "fake-judge";
    }

    public List<CompletionRequest> requests() {
        return requests;
    }

    /** A one-token answer with these top log-probabilities (the first entry is the generated token). */
    public static Completion tokens(Map<String, Double> top) {
        var first = top.entrySet().iterator().next();
        return new Completion(first.getKey(), List.of(new GeneratedToken(first.getKey(), first.getValue(), top)),
                new TokenUsage(100, 1), Duration.ofMillis(3), 1, "length");
    }

    /** Two answers with P(first) = p, as top log-probabilities. */
    public static Completion twoWay(String first, String second, double p) {
        var top = new java.util.LinkedHashMap<String, Double>();
        top.put(first, Math.log(0.9 * p));
        top.put(second, Math.log(0.9 * (1 - p)));
        top.put("\n", Math.log(0.1));
        return tokens(top);
    }

    public static Completion text(String text) {
        return new Completion(text, List.of(), new TokenUsage(100, 20), Duration.ofMillis(5), 1, "stop");
    }
}

package dev.rlaif.judge.testing;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Response bodies in the OpenAI shapes, for scripted servers. */
public final class OpenAiBodies {

    private OpenAiBodies() {
    }

    /** A chat completion whose single generated token is {@code token} with the given top log-probabilities. */
    public static String chat(String token, Map<String, Double> top) {
        String tops = top.entrySet().stream()
                .map(e -> "{\"token\":\"" + e.getKey() + "\",\"logprob\":" + fmt(e.getValue()) + "}")
                .collect(Collectors.joining(","));
        return """
                {"id":"x","object":"chat.completion","model":"m","choices":[{"index":0,
                 "message":{"role":"assistant","content":"%s"},
                 "logprobs":{"content":[{"token":"%s","logprob":%s,"top_logprobs":[%s]}]},
                 "finish_reason":"length"}],
                 "usage":{"prompt_tokens":42,"completion_tokens":1,"total_tokens":43}}
                """.formatted(token, token, fmt(top.getOrDefault(token, -0.1)), tops);
    }

    /** A chat completion with text only. */
    public static String chatText(String text) {
        return """
                {"id":"x","object":"chat.completion","model":"m","choices":[{"index":0,
                 "message":{"role":"assistant","content":"%s"},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":40,"completion_tokens":7,"total_tokens":47}}
                """.formatted(text);
    }

    /** A legacy completion with {@code top_logprobs} as a token → log-probability map. */
    public static String legacy(String token, Map<String, Double> top) {
        String tops = top.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + fmt(e.getValue()))
                .collect(Collectors.joining(","));
        return """
                {"id":"x","object":"text_completion","model":"m","choices":[{"index":0,"text":"%s",
                 "logprobs":{"tokens":["%s"],"token_logprobs":[%s],"top_logprobs":[{%s}],"text_offset":[0]},
                 "finish_reason":"length"}],
                 "usage":{"prompt_tokens":30,"completion_tokens":1,"total_tokens":31}}
                """.formatted(token, token, fmt(top.getOrDefault(token, -0.1)), tops);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}

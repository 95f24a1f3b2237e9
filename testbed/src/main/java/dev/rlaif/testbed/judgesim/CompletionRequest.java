package dev.rlaif.testbed.judgesim;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The parts of an OpenAI chat or legacy completions request the simulator honours.
 *
 * @param prompts     one prompt for chat (the message contents joined with a blank line); one or more
 *                    for completions
 * @param topLogprobs alternatives to list per token when {@code logprobs} is set
 * @param seed        the request's {@code seed}, or null
 */
record CompletionRequest(boolean chat, String model, List<String> prompts, int n, int maxTokens, double temperature,
        Long seed, List<String> stop, boolean logprobs, int topLogprobs) {

    static final int MAX_TOP_LOGPROBS = 20;
    static final int DEFAULT_MAX_TOKENS = 256;

    /** A request the simulator refuses with {@code 400 invalid_request_error}. */
    static final class InvalidRequest extends RuntimeException {
        private final String param;

        InvalidRequest(String message, String param) {
            super(message);
            this.param = param;
        }

        String param() {
            return param;
        }
    }

    static CompletionRequest parse(JsonNode body, boolean chat) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequest("The request body must be a JSON object.", null);
        }
        String model = body.path("model").isString() ? body.path("model").stringValue() : null;
        if (model == null || model.isBlank()) {
            throw new InvalidRequest("you must provide a model parameter", "model");
        }
        List<String> prompts = chat ? List.of(chatPrompt(body.path("messages"))) : completionPrompts(body.path("prompt"));
        int n = intParam(body, "n", 1, 1, 128);
        int maxTokens = body.hasNonNull("max_completion_tokens")
                ? intParam(body, "max_completion_tokens", DEFAULT_MAX_TOKENS, 1, Integer.MAX_VALUE)
                : intParam(body, "max_tokens", DEFAULT_MAX_TOKENS, 1, Integer.MAX_VALUE);
        double temperature = doubleParam(body, "temperature", 1.0, 0.0, 2.0);
        Long seed = body.hasNonNull("seed") ? (long) intLike(body.get("seed"), "seed") : null;
        List<String> stop = stopParam(body.path("stop"));
        boolean logprobs;
        int top;
        if (chat) {
            logprobs = body.path("logprobs").asBoolean(false);
            top = intParam(body, "top_logprobs", 0, 0, MAX_TOP_LOGPROBS);
            if (top > 0 && !logprobs) {
                throw new InvalidRequest("top_logprobs requires logprobs to be true.", "top_logprobs");
            }
        } else {
            logprobs = body.hasNonNull("logprobs");
            top = intParam(body, "logprobs", 0, 0, MAX_TOP_LOGPROBS);
        }
        return new CompletionRequest(chat, model, prompts, n, maxTokens, temperature, seed, stop, logprobs, top);
    }

    private static String chatPrompt(JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequest("messages must be a non-empty array.", "messages");
        }
        List<String> contents = new ArrayList<>();
        for (JsonNode m : messages) {
            JsonNode content = m.path("content");
            if (content.isString()) {
                contents.add(content.stringValue());
            } else if (content.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode part : content) {
                    if (part.path("text").isString()) {
                        sb.append(part.path("text").stringValue());
                    }
                }
                contents.add(sb.toString());
            } else if (!content.isNull() && !content.isMissingNode()) {
                throw new InvalidRequest("message content must be a string or an array of parts.", "messages");
            }
        }
        return String.join("\n\n", contents);
    }

    private static List<String> completionPrompts(JsonNode prompt) {
        if (prompt.isString()) {
            return List.of(prompt.stringValue());
        }
        if (prompt.isArray() && !prompt.isEmpty()) {
            List<String> prompts = new ArrayList<>();
            for (JsonNode p : prompt) {
                if (!p.isString()) {
                    throw new InvalidRequest("prompt must be a string or an array of strings.", "prompt");
                }
                prompts.add(p.stringValue());
            }
            return prompts;
        }
        throw new InvalidRequest("prompt must be a string or an array of strings.", "prompt");
    }

    private static List<String> stopParam(JsonNode stop) {
        if (stop.isString()) {
            return List.of(stop.stringValue());
        }
        if (stop.isArray()) {
            List<String> out = new ArrayList<>();
            stop.forEach(s -> out.add(s.asString("")));
            return out.stream().filter(s -> !s.isEmpty()).toList();
        }
        return List.of();
    }

    private static int intParam(JsonNode body, String name, int dflt, int min, int max) {
        if (!body.hasNonNull(name)) {
            return dflt;
        }
        long v = intLike(body.get(name), name);
        if (v < min || v > max) {
            throw new InvalidRequest(name + " must be between " + min + " and " + max + ", got " + v + ".", name);
        }
        return (int) v;
    }

    private static long intLike(JsonNode node, String name) {
        if (!node.isIntegralNumber()) {
            throw new InvalidRequest(name + " must be an integer.", name);
        }
        return node.longValue();
    }

    private static double doubleParam(JsonNode body, String name, double dflt, double min, double max) {
        if (!body.hasNonNull(name)) {
            return dflt;
        }
        JsonNode v = body.get(name);
        if (!v.isNumber() || v.doubleValue() < min || v.doubleValue() > max) {
            throw new InvalidRequest(name + " must be a number between " + min + " and " + max + ".", name);
        }
        return v.doubleValue();
    }
}

package dev.rlaif.judge.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One attempt per call against an OpenAI-compatible server: OpenAI, vLLM, Ollama, llama.cpp
 * server and TGI all accept these requests. Both response shapes of log-probabilities are read:
 * the chat form ({@code logprobs.content[].top_logprobs[] {token, logprob}}) and the legacy
 * completions form ({@code logprobs.tokens}, {@code token_logprobs}, {@code top_logprobs[] {token:
 * logprob}}).
 *
 * <p>This class does not retry; wrap it in {@link ResilientLlmClient} (or use {@link #connect}).
 */
public final class OpenAiCompatibleClient implements LlmClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JudgeEndpoint endpoint;
    private final HttpClient http;
    private static final Logger log = LoggerFactory.getLogger(OpenAiCompatibleClient.class);

    private final String authorization;

    /**
     * @param environment looks up the API key by the variable name in {@link JudgeEndpoint#apiKeyEnv()}; a
     *                    named variable that is not set means a server without authentication (vLLM, Ollama,
     *                    llama.cpp on a private network, the testbed's simulator) and is logged once
     */
    public OpenAiCompatibleClient(JudgeEndpoint endpoint, Function<String, String> environment) {
        this.endpoint = endpoint;
        this.authorization = authorizationFrom(endpoint.apiKeyEnv(), environment);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.timeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public OpenAiCompatibleClient(JudgeEndpoint endpoint) {
        this(endpoint, System::getenv);
    }

    /** The usual stack: this client behind retry, circuit breaker, rate limiter and bulkhead. */
    public static ResilientLlmClient connect(JudgeEndpoint endpoint) {
        return new ResilientLlmClient(new OpenAiCompatibleClient(endpoint), endpoint);
    }

    @Override
    public String model() {
        return endpoint.model();
    }

    @Override
    public Completion complete(CompletionRequest request) {
        boolean chat = endpoint.api() == JudgeEndpoint.Api.CHAT;
        URI uri = URI.create(endpoint.baseUrl() + (chat ? "/chat/completions" : "/completions"));
        var builder = HttpRequest.newBuilder(uri)
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body(request, chat))));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new JudgeException(JudgeFailure.TIMEOUT, "no response within " + endpoint.timeout(), e);
        } catch (IOException e) {
            throw new JudgeException(JudgeFailure.CONNECTION, uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JudgeException(JudgeFailure.INTERRUPTED, "interrupted while waiting for " + uri, e);
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        if (response.statusCode() != 200) {
            throw JudgeException.http(response.statusCode(), response.body(),
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        return parse(response.body(), request.topLogprobs() > 0, latency);
    }

    ObjectNode body(CompletionRequest request, boolean chat) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", endpoint.model());
        if (chat) {
            ObjectNode message = body.putArray("messages").addObject();
            message.put("role", "user");
            message.put("content", request.prompt());
        } else {
            body.put("prompt", request.prompt());
        }
        body.put("temperature", request.temperature());
        body.put("max_tokens", request.maxTokens());
        body.put("n", 1);
        body.put("stream", false);
        if (request.topLogprobs() > 0) {
            if (chat) {
                body.put("logprobs", true);
                body.put("top_logprobs", request.topLogprobs());
            } else {
                body.put("logprobs", request.topLogprobs());
            }
        }
        if (request.seed() != null) {
            body.put("seed", request.seed());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            request.stop().forEach(stop::add);
        }
        if (request.topK() != null) {
            body.put("top_k", request.topK());
        }
        return body;
    }

    static Completion parse(String body, boolean logprobsRequested, Duration latency) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new JudgeException(JudgeFailure.MALFORMED_RESPONSE, "unreadable JSON: "
                    + JudgeException.abbreviate(body), e);
        }
        JsonNode choice = root.path("choices").path(0);
        if (!choice.isObject()) {
            throw new JudgeException(JudgeFailure.MALFORMED_RESPONSE, "no choices in "
                    + JudgeException.abbreviate(body), null);
        }
        String text = choice.has("message") ? choice.path("message").path("content").asString("")
                : choice.path("text").asString("");
        List<GeneratedToken> tokens = tokens(choice.path("logprobs"));
        if (logprobsRequested && tokens.isEmpty()) {
            throw new JudgeException(JudgeFailure.MISSING_LOGPROBS,
                    "log-probabilities were requested but the response has none", null);
        }
        JsonNode usage = root.path("usage");
        var tokenUsage = new TokenUsage(usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0));
        String finish = choice.path("finish_reason").isString() ? choice.path("finish_reason").asString() : null;
        return new Completion(text, tokens, tokenUsage, latency, 1, finish);
    }

    private static List<GeneratedToken> tokens(JsonNode logprobs) {
        List<GeneratedToken> tokens = new ArrayList<>();
        if (logprobs.path("content").isArray()) {
            for (JsonNode position : logprobs.path("content")) {
                String token = position.path("token").asString("");
                double logprob = position.path("logprob").asDouble(Double.NEGATIVE_INFINITY);
                tokens.add(new GeneratedToken(token, logprob, topOf(position.path("top_logprobs"), token, logprob)));
            }
        } else if (logprobs.path("tokens").isArray()) {
            JsonNode chosen = logprobs.path("token_logprobs");
            JsonNode tops = logprobs.path("top_logprobs");
            for (int i = 0; i < logprobs.path("tokens").size(); i++) {
                String token = logprobs.path("tokens").path(i).asString("");
                double logprob = chosen.path(i).isNumber() ? chosen.path(i).asDouble() : Double.NEGATIVE_INFINITY;
                tokens.add(new GeneratedToken(token, logprob, topOf(tops.path(i), token, logprob)));
            }
        }
        return tokens;
    }

    /** Reads either {@code [{token, logprob}]} or {@code {token: logprob}}; equal texts merge by log-sum-exp. */
    private static Map<String, Double> topOf(JsonNode top, String chosenToken, double chosenLogprob) {
        Map<String, Double> merged = new LinkedHashMap<>();
        if (top.isArray()) {
            for (JsonNode entry : top) {
                merge(merged, entry.path("token").asString(""), entry.path("logprob").asDouble(Double.NEGATIVE_INFINITY));
            }
        } else if (top.isObject()) {
            top.properties().forEach(e -> merge(merged, e.getKey(), e.getValue().asDouble(Double.NEGATIVE_INFINITY)));
        }
        if (!merged.containsKey(chosenToken) && chosenLogprob > Double.NEGATIVE_INFINITY) {
            merged.put(chosenToken, chosenLogprob);
        }
        return merged;
    }

    private static void merge(Map<String, Double> into, String token, double logprob) {
        into.merge(token, logprob, dev.rlaif.judge.softlabel.AnswerTokens::logSumExp);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(value) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String authorizationFrom(String apiKeyEnv, Function<String, String> environment) {
        if (apiKeyEnv == null || apiKeyEnv.isBlank()) {
            return null;
        }
        String key = environment.apply(apiKeyEnv);
        if (key == null || key.isBlank()) {
            log.warn("The judge's API key variable {} is not set: calling without authentication", apiKeyEnv);
            return null;
        }
        return "Bearer " + key.strip();
    }

    @Override
    public void close() {
        http.close();
    }
}

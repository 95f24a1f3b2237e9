package dev.rlaif.judge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.rlaif.judge.testing.OpenAiBodies;
import dev.rlaif.judge.testing.ScriptedOpenAiServer;
import dev.rlaif.judge.testing.ScriptedOpenAiServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenAiCompatibleClientTest {

    private static final Map<String, Double> TOP = Map.of("1", -0.2, " 1", -2.0, "2", -1.5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScriptedOpenAiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedOpenAiServer(body -> OpenAiBodies.chat("1", TOP));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JudgeEndpoint endpoint() {
        return JudgeEndpoint.of(server.baseUrl(), "judge-model")
                .withTimeout(Duration.ofSeconds(1))
                .withRetries(3, Duration.ofMillis(5), 2.0, Duration.ofMillis(20))
                .withMaxRetryAfter(Duration.ofSeconds(2));
    }

    private ResilientLlmClient client(JudgeEndpoint endpoint) {
        return new ResilientLlmClient(new OpenAiCompatibleClient(endpoint, name -> null), endpoint);
    }

    @Test
    void chatRequestAsksForTopLogprobsAndTheKeyComesFromTheNamedVariable() throws Exception {
        var endpoint = endpoint().withApiKeyEnv("JUDGE_KEY");
        try (var client = new OpenAiCompatibleClient(endpoint, name -> name.equals("JUDGE_KEY") ? "sk-test" : null)) {
            Completion completion = client.complete(CompletionRequest.nextTokenLogprobs("Preferred Summary=", 5));

            assertThat(completion.text()).isEqualTo("1");
            assertThat(completion.usage()).isEqualTo(new TokenUsage(42, 1));
            assertThat(completion.firstPositionLogprobs().orElseThrow()).containsEntry("1", -0.2)
                    .containsEntry(" 1", -2.0).containsEntry("2", -1.5);
        }
        var request = server.received().getFirst();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.headers().get("Authorization")).containsExactly("Bearer sk-test");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("model").asString()).isEqualTo("judge-model");
        assertThat(body.path("messages").path(0).path("content").asString()).isEqualTo("Preferred Summary=");
        assertThat(body.path("logprobs").asBoolean()).isTrue();
        assertThat(body.path("top_logprobs").asInt()).isEqualTo(5);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(endpoint.toString()).doesNotContain("sk-test");
    }

    @Test
    void legacyCompletionsShapeIsReadToo() throws Exception {
        server.answerWith(body -> OpenAiBodies.legacy("2", Map.of("2", -0.3, " 1", -1.4)));
        try (var client = new OpenAiCompatibleClient(endpoint().withApi(JudgeEndpoint.Api.COMPLETIONS))) {
            Completion completion = client.complete(CompletionRequest.nextTokenLogprobs("x", 5));
            assertThat(completion.text()).isEqualTo("2");
            assertThat(completion.firstPositionLogprobs().orElseThrow()).containsEntry("2", -0.3)
                    .containsEntry(" 1", -1.4);
        }
        var request = server.received().getFirst();
        assertThat(request.path()).isEqualTo("/v1/completions");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("prompt").asString()).isEqualTo("x");
        assertThat(body.path("logprobs").asInt()).isEqualTo(5);
    }

    @Test
    void aNamedButUnsetKeyVariableMeansAServerWithoutAuthentication() throws Exception {
        try (var client = new OpenAiCompatibleClient(endpoint().withApiKeyEnv("NOT_SET_ANYWHERE"), name -> null)) {
            client.complete(CompletionRequest.nextTokenLogprobs("Preferred Summary=", 5));
        }
        assertThat(server.received().getFirst().headers().get("Authorization")).isNull();
    }

    @Test
    void rateLimitedCallsAreRetriedHonouringRetryAfter() {
        server.then(Reply.status(429, Map.of("Retry-After", "1")));
        List<Duration> waits = new CopyOnWriteArrayList<>();
        try (var client = client(endpoint())) {
            client.retry().getEventPublisher().onRetry(e -> waits.add(e.getWaitInterval()));
            Completion completion = client.complete(CompletionRequest.nextTokenLogprobs("p", 5));
            assertThat(completion.attempts()).isEqualTo(2);
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDateAndCapped() {
        assertThat(OpenAiCompatibleClient.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(OpenAiCompatibleClient.retryAfter("0.25")).isEqualTo(Duration.ofMillis(250));
        assertThat(OpenAiCompatibleClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(OpenAiCompatibleClient.retryAfter("soon")).isNull();
        var limited = new JudgeException(JudgeFailure.RATE_LIMITED, "x", null, 429, Duration.ofSeconds(600), 1);
        assertThat(ResilientLlmClient.waitMillis(40, limited, Duration.ofSeconds(5))).isEqualTo(5000);
        assertThat(ResilientLlmClient.waitMillis(40, new JudgeException(JudgeFailure.SERVER_ERROR, "x", null),
                Duration.ofSeconds(5))).isEqualTo(40);
    }

    @Test
    void serverErrorsTimeoutsMalformedBodiesAndMissingLogprobsAreRetried() {
        server.then(Reply.status(500, Map.of()), Reply.hang(), Reply.ok("{\"choices\":[{\"mess"),
                Reply.ok(OpenAiBodies.chatText("1")));
        try (var client = client(endpoint().withRetries(4, Duration.ofMillis(5), 2.0, Duration.ofMillis(20)))) {
            Completion completion = client.complete(CompletionRequest.nextTokenLogprobs("p", 5));
            assertThat(completion.attempts()).isEqualTo(5);
            assertThat(completion.firstPositionLogprobs().orElseThrow()).containsKey("1");
        }
        assertThat(server.requestCount()).isEqualTo(5);
    }

    @Test
    void aCallThatKeepsFailingThrowsWithItsCauseAndAttemptCount() {
        server.then(Reply.status(503, Map.of()), Reply.status(503, Map.of()), Reply.status(503, Map.of()),
                Reply.status(503, Map.of()));
        try (var client = client(endpoint())) {
            assertThatThrownBy(() -> client.complete(CompletionRequest.nextTokenLogprobs("p", 5)))
                    .isInstanceOfSatisfying(JudgeException.class, e -> {
                        assertThat(e.failure()).isEqualTo(JudgeFailure.SERVER_ERROR);
                        assertThat(e.httpStatus()).isEqualTo(503);
                        assertThat(e.attempts()).isEqualTo(4);
                        assertThat(e.getCause()).isInstanceOf(JudgeException.class).hasMessageContaining("HTTP 503");
                    });
        }
    }

    @Test
    void missingLogprobsOnEveryAttemptIsAnError() {
        server.answerWith(body -> OpenAiBodies.chatText("1"));
        try (var client = client(endpoint())) {
            assertThatThrownBy(() -> client.complete(CompletionRequest.nextTokenLogprobs("p", 5)))
                    .isInstanceOfSatisfying(JudgeException.class,
                            e -> assertThat(e.failure()).isEqualTo(JudgeFailure.MISSING_LOGPROBS));
            assertThat(client.complete(CompletionRequest.generation("p", 0.0, 8, null)).text()).isEqualTo("1");
        }
    }

    @Test
    void badRequestsAreNotRetried() {
        server.then(Reply.status(400, Map.of()));
        try (var client = client(endpoint())) {
            assertThatThrownBy(() -> client.complete(CompletionRequest.nextTokenLogprobs("p", 5)))
                    .isInstanceOfSatisfying(JudgeException.class,
                            e -> assertThat(e.failure()).isEqualTo(JudgeFailure.CLIENT_ERROR));
        }
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void repeatedServerFailuresOpenTheCircuitAndLaterCallsFailFast() {
        server.answerWith(body -> "{");
        var endpoint = endpoint().withRetries(0, Duration.ofMillis(1), 2.0, Duration.ofMillis(1))
                .withCircuitBreaker(50f, 4, 4, Duration.ofMinutes(5));
        try (var client = client(endpoint)) {
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> client.complete(CompletionRequest.nextTokenLogprobs("p", 5)))
                        .isInstanceOfSatisfying(JudgeException.class,
                                e -> assertThat(e.failure()).isEqualTo(JudgeFailure.MALFORMED_RESPONSE));
            }
            assertThatThrownBy(() -> client.complete(CompletionRequest.nextTokenLogprobs("p", 5)))
                    .isInstanceOfSatisfying(JudgeException.class,
                            e -> assertThat(e.failure()).isEqualTo(JudgeFailure.CIRCUIT_OPEN));
        }
        assertThat(server.requestCount()).isEqualTo(4);
    }

    @Test
    void theBulkheadBoundsCallsInFlight() throws Exception {
        for (int i = 0; i < 6; i++) {
            server.then(Reply.afterGate(OpenAiBodies.chat("1", TOP)));
        }
        var endpoint = endpoint().withTimeout(Duration.ofSeconds(30)).withMaxConcurrency(2);
        try (var client = client(endpoint); var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Completion>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(threads.submit(() -> client.complete(CompletionRequest.nextTokenLogprobs("p", 5))));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> server.inFlight() == 2 && client.inFlight() == 2);
            server.openGate();
            for (var call : calls) {
                assertThat(call.get().text()).isEqualTo("1");
            }
        }
        assertThat(server.maxInFlight()).isEqualTo(2);
        assertThat(server.requestCount()).isEqualTo(6);
    }

    @Test
    void aRateLimitedClientStillCompletesEveryCall() {
        try (var client = client(endpoint().withRatePerSecond(200))) {
            for (int i = 0; i < 5; i++) {
                assertThat(client.complete(CompletionRequest.nextTokenLogprobs("p", 5)).text()).isEqualTo("1");
            }
            assertThat(client.rateLimiter()).isPresent();
        }
    }

    @Test
    void equalTokenTextsAreMergedWhenParsing() {
        String body = OpenAiBodies.chat("1", Map.of("1", Math.log(0.3))).replace("\"top_logprobs\":[",
                "\"top_logprobs\":[{\"token\":\"1\",\"logprob\":" + Math.log(0.1) + "},");
        Completion completion = OpenAiCompatibleClient.parse(body, true, Duration.ZERO);
        assertThat(completion.firstPositionLogprobs().orElseThrow().get("1")).isCloseTo(Math.log(0.4), within(1e-6));
    }

    @Test
    void completionsAnsweredInTheChatLogprobsShapeAreReadToo() {
        // llama.cpp's server and some proxies answer /v1/completions with logprobs.content[]
        String body = """
                {"choices":[{"text":" 2","logprobs":{"content":[{"token":" 2","logprob":-0.4,
                 "top_logprobs":[{"token":" 2","logprob":-0.4},{"token":" 1","logprob":-1.2}]}]},
                 "finish_reason":"length"}]}
                """;
        Completion completion = OpenAiCompatibleClient.parse(body, true, Duration.ZERO);
        assertThat(completion.text()).isEqualTo(" 2");
        assertThat(completion.firstPositionLogprobs().orElseThrow()).containsEntry(" 1", -1.2);
        assertThat(completion.usage()).isEqualTo(TokenUsage.NONE);
    }

    @Test
    void anUnreachableServerIsRetriedThenAConnectionError() {
        var endpoint = endpoint();
        server.close();
        try (var client = client(endpoint)) {
            assertThatThrownBy(() -> client.complete(CompletionRequest.nextTokenLogprobs("p", 5)))
                    .isInstanceOfSatisfying(JudgeException.class, e -> {
                        assertThat(e.failure()).isEqualTo(JudgeFailure.CONNECTION);
                        assertThat(e.attempts()).isEqualTo(4);
                    });
        }
    }
}

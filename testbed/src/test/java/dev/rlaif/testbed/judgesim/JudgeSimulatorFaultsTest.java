package dev.rlaif.testbed.judgesim;

import static dev.rlaif.testbed.judgesim.SimulatorHttp.chat;
import static dev.rlaif.testbed.judgesim.SimulatorHttp.json;
import static dev.rlaif.testbed.judgesim.SimulatorHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

class JudgeSimulatorFaultsTest {

    private static final ObjectNode LABEL = chat("Text - my aunt sold two boats .\nSummary 1 - aunt sold two boats .\n"
            + "Summary 2 - aunt sold one boat .\nPreferred Summary=").put("logprobs", true).put("top_logprobs", 2);

    @Test
    void scriptedFaultsApplyInOrderToTheFirstCallsThenCallsSucceed() throws Exception {
        JudgeSimulatorConfig config = JudgeSimulatorConfig.defaults().withRetryAfterSeconds(7).withTimeoutMs(0)
                .withScriptedFaults(Fault.HTTP_429, Fault.HTTP_500, Fault.MALFORMED_JSON, Fault.MISSING_LOGPROBS,
                        Fault.NONE);
        try (JudgeSimulator sim = JudgeSimulator.start(config)) {
            HttpResponse<String> limited = post(sim, "/chat/completions", LABEL);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(json(limited).path("error").path("code").stringValue()).isEqualTo("rate_limit_exceeded");

            HttpResponse<String> failed = post(sim, "/chat/completions", LABEL);
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(json(failed).path("error").path("type").stringValue()).isEqualTo("server_error");

            HttpResponse<String> malformed = post(sim, "/chat/completions", LABEL);
            assertThat(malformed.statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> json(malformed)).isInstanceOf(JacksonException.class);

            HttpResponse<String> noLogprobs = post(sim, "/chat/completions", LABEL);
            assertThat(noLogprobs.statusCode()).isEqualTo(200);
            assertThat(json(noLogprobs).path("choices").path(0).path("logprobs").isNull()).isTrue();
            assertThat(json(noLogprobs).path("choices").path(0).path("message").path("content").stringValue())
                    .isIn("1", "2");

            HttpResponse<String> normal = post(sim, "/chat/completions", LABEL);
            assertThat(json(normal).path("choices").path(0).path("logprobs").path("content")).hasSize(1);
            assertThat(post(sim, "/chat/completions", LABEL).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void timeoutFaultHangsThenDropsTheConnection() {
        JudgeSimulatorConfig config = JudgeSimulatorConfig.defaults().withTimeoutMs(50)
                .withScriptedFaults(Fault.TIMEOUT);
        try (JudgeSimulator sim = JudgeSimulator.start(config)) {
            assertThatThrownBy(() -> post(sim, "/chat/completions", LABEL)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void faultRatesInjectFaultsReproduciblyForASeed() throws Exception {
        JudgeSimulatorConfig config = JudgeSimulatorConfig.defaults().withRate500(0.3).withRateMissingLogprobs(0.2);
        List<String> first = outcomes(config, 60);
        assertThat(outcomes(config, 60)).isEqualTo(first);
        long errors = first.stream().filter(o -> o.equals("500")).count();
        long missing = first.stream().filter(o -> o.equals("no-logprobs")).count();
        assertThat(errors).isBetween(8L, 30L);
        assertThat(missing).isBetween(4L, 24L);
        assertThat(outcomes(config.withRateMissingLogprobs(0).withRate500(1.0), 5)).containsOnly("500");
    }

    private static List<String> outcomes(JudgeSimulatorConfig config, int calls) throws Exception {
        List<String> outcomes = new ArrayList<>();
        try (JudgeSimulator sim = JudgeSimulator.start(config)) {
            for (int i = 0; i < calls; i++) {
                HttpResponse<String> r = post(sim, "/chat/completions", LABEL);
                outcomes.add(r.statusCode() != 200 ? Integer.toString(r.statusCode())
                        : json(r).path("choices").path(0).path("logprobs").isNull() ? "no-logprobs" : "ok");
            }
        }
        return outcomes;
    }

    @Test
    void overLimitCallsAreRejectedWith429InRejectMode() throws Exception {
        JudgeSimulatorConfig config = JudgeSimulatorConfig.defaults().withConcurrencyLimit(1)
                .withOverloadMode(OverloadMode.REJECT_429).withRetryAfterSeconds(3).withTimeoutMs(60_000)
                .withScriptedFaults(Fault.TIMEOUT);
        try (JudgeSimulator sim = JudgeSimulator.start(config)) {
            CompletableFuture<HttpResponse<String>> hanging = SimulatorHttp.postAsync(sim, "/chat/completions", LABEL);
            await().atMost(Duration.ofSeconds(20)).until(() -> sim.inProgress() == 1);
            HttpResponse<String> rejected = post(sim, "/chat/completions", LABEL);
            assertThat(rejected.statusCode()).isEqualTo(429);
            assertThat(rejected.headers().firstValue("Retry-After")).hasValue("3");
            sim.close();
            assertThatThrownBy(hanging::get).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void overLimitCallsWaitTheirTurnInQueueMode() throws Exception {
        JudgeSimulatorConfig config = JudgeSimulatorConfig.defaults().withConcurrencyLimit(1)
                .withOverloadMode(OverloadMode.QUEUE).withTimeoutMs(300).withScriptedFaults(Fault.TIMEOUT);
        try (JudgeSimulator sim = JudgeSimulator.start(config)) {
            CompletableFuture<HttpResponse<String>> hanging = SimulatorHttp.postAsync(sim, "/chat/completions", LABEL);
            await().atMost(Duration.ofSeconds(20)).until(() -> sim.inProgress() == 1);
            CompletableFuture<HttpResponse<String>> queued = SimulatorHttp.postAsync(sim, "/chat/completions", LABEL);
            assertThat(queued.get().statusCode()).isEqualTo(200);
            assertThatThrownBy(hanging::get).isInstanceOf(ExecutionException.class);
        }
    }
}

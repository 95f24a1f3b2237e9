package dev.rlaif.labeler.labels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.common.events.LabelFailed;
import dev.rlaif.common.events.LabelProduced;
import dev.rlaif.common.events.LabelRequested;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.labeler.LabelRequests;
import dev.rlaif.labeler.LabelerTestConfig;
import dev.rlaif.testbed.judgesim.Fault;
import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.judgesim.JudgeSimulatorConfig;
import dev.rlaif.testbed.tasks.PreferencePair;
import dev.rlaif.testbed.tasks.SynthSumm;
import dev.rlaif.testsupport.EventProbe;
import dev.rlaif.testsupport.Http;
import dev.rlaif.testsupport.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every fault mode of the judge: retried into a label, or a failure that is published, dead-lettered and counted — never a label. */
@ServiceIntegrationTest
@TestPropertySource(properties = LabelerTestConfig.CONFIG_NAMES)
class JudgeFaultsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PreferencePair PAIR = new SynthSumm(23).preferencePairs(1).getFirst();

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @LocalServerPort
    private int port;

    private LabelRequests requests;
    private Http http;

    @BeforeEach
    void connect() {
        requests = new LabelRequests(kafka);
        http = new Http(port);
    }

    @AfterEach
    void disconnect() {
        requests.close();
    }

    /** A timeout fault hangs 10 s; the labeler's client gives up after 5 s (labeler-service-test.yml). */
    private static JudgeSimulatorConfig judge() {
        return JudgeSimulatorConfig.defaults().withSeed(23).withSize("s").withTimeoutMs(10_000).withRetryAfterSeconds(1);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"HTTP_429", "HTTP_500", "TIMEOUT", "MALFORMED_JSON", "MISSING_LOGPROBS"})
    void aFaultyCallIsRetriedAndTheLabelIsTheOneACleanJudgeGives(Fault fault) {
        double clean;
        try (var sim = JudgeSimulator.start(judge())) {
            UUID runId = UUID.randomUUID();
            LabelRequested request = LabelRequests.request(runId, PAIR, LabelRequests.plain(sim, false));
            requests.send(request);
            clean = requests.awaitLabel(runId, request.pairId()).preference();
        }
        try (var sim = JudgeSimulator.start(judge().withScriptedFaults(fault))) {
            UUID runId = UUID.randomUUID();
            LabelRequested request = LabelRequests.request(runId, PAIR, LabelRequests.plain(sim, false));
            requests.send(request);

            LabelProduced label = requests.awaitLabel(runId, request.pairId());

            assertThat(label.preference()).isEqualTo(clean);
            assertThat(label.judgeCalls()).isEqualTo(1);
            assertThat(sim.requestCount()).isEqualTo(2);
            JsonNode trace = JSON.readTree(http.get("/api/runs/" + runId + "/labels/" + request.pairId()).body()).path("trace");
            assertThat(trace.path("judgements").path(0).path("calls").path(0).path("attempts").asInt()).isEqualTo(2);
            assertThat(JSON.readTree(http.get("/api/runs/" + runId + "/labels").body()).size()).isEqualTo(1);
        }
        assertThat(http.get("/actuator/prometheus").body())
                .contains("rlaif_labeler_judge_errors_total{application=\"labeler-service\",cause=\"" + cause(fault) + "\"");
    }

    private static String cause(Fault fault) {
        return switch (fault) {
            case HTTP_429 -> "RATE_LIMITED";
            case HTTP_500 -> "SERVER_ERROR";
            case TIMEOUT -> "TIMEOUT";
            case MALFORMED_JSON -> "MALFORMED_RESPONSE";
            case MISSING_LOGPROBS -> "MISSING_LOGPROBS";
            case NONE -> "NONE";
        };
    }

    @Test
    void aJudgeThatKeepsFailingGivesAFailureThatIsPublishedDeadLetteredAndCountedButNeverALabel() {
        try (var sim = JudgeSimulator.start(judge().withRate500(1.0));
             var deadLetters = EventProbe.listen(Topics.deadLetter(Topics.LABEL_REQUESTS))) {
            UUID runId = UUID.randomUUID();
            LabelRequested request = LabelRequests.request(runId, PAIR, LabelRequests.plain(sim, true));
            requests.send(request);

            var result = requests.awaitResult(runId, request.pairId());

            assertThat(result).isInstanceOfSatisfying(LabelFailed.class,
                    failed -> assertThat(failed.reason()).startsWith("SERVER_ERROR").contains("4 attempt"));
            var dead = deadLetters.awaitKey(request.key(), LabelRequests.PATIENCE);
            assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("SERVER_ERROR");
            assertThat(http.get("/api/runs/" + runId + "/labels/" + request.pairId()).statusCode()).isEqualTo(404);
            JsonNode report = JSON.readTree(http.get("/api/runs/" + runId + "/labels/report").body());
            assertThat(report.path("labels").asLong()).isZero();
            assertThat(report.path("failed").asLong()).isEqualTo(1);
            assertThat(report.path("failuresByCause").path("SERVER_ERROR").asLong()).isEqualTo(1);
            assertThat(http.get("/actuator/prometheus").body())
                    .contains("rlaif_labeler_label_failures_total{application=\"labeler-service\",cause=\"SERVER_ERROR\"");
        }
    }

    @Test
    void missingLogprobsOnEveryCallFailUnlessTheRunOptsIntoTheVoteFallback() {
        try (var sim = JudgeSimulator.start(judge().withRateMissingLogprobs(1.0))) {
            UUID strictRun = UUID.randomUUID();
            LabelRequested strict = LabelRequests.request(strictRun, PAIR, LabelRequests.plain(sim, false));
            requests.send(strict);
            assertThat(requests.awaitResult(strictRun, strict.pairId())).isInstanceOfSatisfying(LabelFailed.class,
                    failed -> assertThat(failed.reason()).startsWith("MISSING_LOGPROBS"));

            UUID votingRun = UUID.randomUUID();
            LabelRequested voting = LabelRequests.request(votingRun, PAIR,
                    LabelRequests.spec(sim, "base", false, 1, false, 0, true));
            requests.send(voting);
            LabelProduced label = requests.awaitLabel(votingRun, voting.pairId());
            assertThat(label.judgeCalls()).isEqualTo(8);
            JsonNode stored = JSON.readTree(http.get("/api/runs/" + votingRun + "/labels/" + voting.pairId()).body());
            assertThat(stored.path("label").path("source").asString()).isEqualTo("VOTES");
        }
    }

    @Test
    void aRequestTheJudgeCannotServeIsAFailureWithItsReason() {
        try (var sim = JudgeSimulator.start(judge())) {
            UUID runId = UUID.randomUUID();
            var spec = LabelRequests.plain(sim, true);
            var custom = new dev.rlaif.common.spec.LabelingSpec(spec.judge(), "custom", "base", null, false, 1, true, 0, false);
            LabelRequested request = LabelRequests.request(runId, PAIR, custom);
            requests.send(request);
            assertThat(requests.awaitResult(runId, request.pairId())).isInstanceOfSatisfying(LabelFailed.class,
                    failed -> assertThat(failed.reason()).startsWith("INVALID_SETTINGS").contains("custom"));
            assertThat(sim.requestCount()).isZero();
        }
    }
}

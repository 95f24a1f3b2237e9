package dev.rlaif.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.rlaif.common.artifacts.ArtifactNames;
import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.events.LabelProduced;
import dev.rlaif.common.events.RewardRequested;
import dev.rlaif.common.events.RunSubmitted;
import dev.rlaif.common.events.ScoringItem;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.events.StageCompleted;
import dev.rlaif.common.events.StageRequested;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.common.spec.DatasetSpec;
import dev.rlaif.common.spec.JudgeSpec;
import dev.rlaif.common.spec.LabelingSpec;
import dev.rlaif.common.spec.RewardMode;
import dev.rlaif.common.spec.RewardSpec;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.judgesim.JudgeSimulatorConfig;
import dev.rlaif.testbed.tasks.SynthSumm;
import dev.rlaif.testsupport.EventProbe;
import dev.rlaif.testsupport.Http;
import dev.rlaif.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reward-service end to end over real Kafka, PostgreSQL and HTTP: synthsumm pairs labeled by the judge
 * simulator arrive as {@code LabelProduced}, the REWARD_MODEL stage trains from a tiny SFT checkpoint, and
 * the model scores over Kafka and REST; direct RLAIF rates through the simulator over HTTP.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.config.name=" + RewardApplication.CONFIG_NAME)
class RewardServiceIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Stated in the terms: held-out pairwise accuracy against the AI labels, tiny model, 5 epochs. */
    private static final double MIN_HELD_OUT_ACCURACY = 0.6;
    private static final int PAIRS = 1200;

    private static JudgeSimulator simulator;
    private static List<SimulatedLabels.Labeled> labeled;

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private ArtifactStore artifacts;

    @Autowired
    private JdbcClient jdbc;

    @LocalServerPort
    private int port;

    private Http http;

    @BeforeAll
    static void labelSynthsummWithTheJudgeSimulator() throws Exception {
        simulator = JudgeSimulator.start(JudgeSimulatorConfig.defaults());
        labeled = SimulatedLabels.label(SimulatedLabels.pairs(PAIRS, 11), simulator);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void trainsTheRewardModelFromTheLabelsThenScoresTheSameOverKafkaAndRest() throws Exception {
        UUID runId = UUID.randomUUID();
        submit(runId, new RewardSpec(RewardMode.DISTILLED, 5, 3e-3, 32, 0.2, false), null);
        List<String> corpus = new ArrayList<>();
        labeled.forEach(l -> corpus.addAll(List.of(l.prompt(), l.responseA(), l.responseB())));
        TinySft.write(artifacts.directory(runId, ArtifactNames.SFT_POLICY), corpus, 3);

        for (int i = 0; i < labeled.size(); i++) {
            var l = labeled.get(i);
            var event = LabelProduced.of(runId, l.pairId(), l.prompt(), l.responseA(), l.responseB(), l.preference(),
                    l.humanPreference(), 2, 100, 1);
            kafka.send(Topics.LABEL_RESULTS, event.key(), event);
            if (i < 20) {
                kafka.send(Topics.LABEL_RESULTS, event.key(), event);
            }
        }
        var labelStage = StageCompleted.of(runId, Stage.LABEL, 1, Map.of("labeled", (double) PAIRS), Map.of());
        kafka.send(Topics.STAGE_EVENTS, labelStage.key(), labelStage).get();

        try (EventProbe stageEvents = EventProbe.listen(Topics.STAGE_EVENTS);
             EventProbe progress = EventProbe.listen(Topics.RUN_PROGRESS)) {
            var command = StageRequested.of(runId, Stage.REWARD_MODEL, 1);
            kafka.send(Topics.STAGE_COMMANDS, command.key(), command).get();

            JsonNode completed = await().atMost(PATIENCE).until(
                    () -> typed(stageEvents, runId.toString(), "StageCompleted", "REWARD_MODEL"), list -> !list.isEmpty()).getFirst();
            JsonNode metrics = completed.path("metrics");
            System.out.println("REWARD_MODEL metrics: " + metrics);
            assertThat(metrics.path("accuracy_ai_heldout").asDouble()).isGreaterThanOrEqualTo(MIN_HELD_OUT_ACCURACY);
            assertThat(metrics.path("accuracy_human_heldout").isNumber()).isTrue();
            assertThat(metrics.path("examples").asDouble() + metrics.path("examples_heldout").asDouble()).isEqualTo(PAIRS);
            assertThat(completed.path("artifacts").path("rewardModel").asString()).isEqualTo("runs/" + runId + "/reward-model");
            assertThat(typed(progress, runId.toString(), "RunProgress", "REWARD_MODEL")).isNotEmpty();

            // a redelivered command re-publishes the same completion instead of training again
            kafka.send(Topics.STAGE_COMMANDS, command.key(), command).get();
            List<JsonNode> both = await().atMost(PATIENCE).until(
                    () -> typed(stageEvents, runId.toString(), "StageCompleted", "REWARD_MODEL"), list -> list.size() == 2);
            assertThat(both.get(1).path("eventId").asString()).isEqualTo(completed.path("eventId").asString());
            assertThat(both.get(1).path("metrics")).isEqualTo(metrics);
        }

        JsonNode view = JSON.readTree(http.get("/api/runs/" + runId + "/reward-model").body());
        assertThat(view.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(view.path("sha256").asString()).hasSize(64);
        assertThat(view.path("labels").path("labels").asLong()).isEqualTo(PAIRS);
        assertThat(view.path("curve").size()).isEqualTo(view.path("metrics").path("steps").asInt());

        List<ScoringItem> items = labeled.subList(0, 5).stream()
                .flatMap(l -> java.util.stream.Stream.of(new ScoringItem(l.prompt(), l.responseA()), new ScoringItem(l.prompt(), l.responseB())))
                .toList();
        List<Double> overRest = scoreOverRest(runId, items);
        try (EventProbe results = EventProbe.listen(Topics.REWARD_RESULTS)) {
            UUID requestId = UUID.randomUUID();
            var request = RewardRequested.of(runId, requestId, items);
            kafka.send(Topics.REWARD_REQUESTS, request.key(), request).get();
            kafka.send(Topics.REWARD_REQUESTS, request.key(), request).get();
            UUID sentinel = UUID.randomUUID();
            var later = RewardRequested.of(runId, sentinel, items.subList(0, 1));
            kafka.send(Topics.REWARD_REQUESTS, later.key(), later).get();

            await().atMost(PATIENCE).until(() -> answers(results, runId, sentinel), list -> !list.isEmpty());
            List<JsonNode> answers = answers(results, runId, requestId);
            assertThat(answers).hasSize(1);
            assertThat(answers.getFirst().path("type").asString()).isEqualTo("RewardScored");
            List<Double> overKafka = new ArrayList<>();
            answers.getFirst().path("scores").forEach(score -> overKafka.add(score.asDouble()));
            assertThat(overKafka).hasSameSizeAs(overRest);
            for (int i = 0; i < overRest.size(); i++) {
                assertThat(overKafka.get(i)).isCloseTo(overRest.get(i), within(1e-5));
            }
        }
        var prometheus = http.get("/actuator/prometheus").body();
        assertThat(prometheus).contains("rlaif_reward_scoring_batch_size_sequences_bucket", "rlaif_reward_scoring_latency_seconds_bucket");
    }

    @Test
    void directModeRatesThroughTheJudgeAndCachesRepeatedResponses() throws Exception {
        UUID runId = UUID.randomUUID();
        var judge = new JudgeSpec(simulator.baseUrl(), simulator.modelId(), null, 4);
        submit(runId, new RewardSpec(RewardMode.DIRECT, null, null, null, null, false), judge);
        var post = new SynthSumm(5, 0).post(3);
        String better = post.idealSummary();
        String worse = "honestly i felt tired about it . the weather was cold today . i think it was nice .";
        var items = List.of(new ScoringItem(post.text(), better), new ScoringItem(post.text(), worse));

        List<Double> scores = scoreOverRest(runId, items);
        assertThat(scores).allSatisfy(score -> assertThat(score).isBetween(-1.0, 1.0));
        assertThat(scores.get(0)).isGreaterThan(scores.get(1));

        long calls = simulator.requestCount();
        assertThat(scoreOverRest(runId, items)).isEqualTo(scores);
        assertThat(simulator.requestCount()).isEqualTo(calls);
    }

    @Test
    void aDistilledRunWithoutARewardModelAnswers409() throws Exception {
        UUID runId = UUID.randomUUID();
        submit(runId, new RewardSpec(RewardMode.DISTILLED, null, null, null, null, null), null);
        var response = http.postJson("/api/score", JSON.writeValueAsString(Map.of("runId", runId,
                "items", List.of(Map.of("prompt", "a post", "response", "a summary")))));
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(response.body()).path("title").asString()).isEqualTo("No reward model");
    }

    @Test
    void anAttemptOrphanedByACrashIsStartedAgainByARedeliveredCommandWhileALiveOneIsLeftAlone() throws Exception {
        UUID orphaned = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        submit(orphaned, new RewardSpec(RewardMode.DISTILLED, null, null, null, null, null), null);
        submit(alive, new RewardSpec(RewardMode.DISTILLED, null, null, null, null, null), null);
        jdbc.sql("""
                INSERT INTO reward_model_stages (run_id, attempt, status, started_at, heartbeat_at)
                VALUES (:orphaned, 1, 'RUNNING', now() - interval '2 hours', now() - interval '2 hours'),
                       (:alive, 1, 'RUNNING', now(), now())""")
                .param("orphaned", orphaned)
                .param("alive", alive)
                .update();
        try (EventProbe stageEvents = EventProbe.listen(Topics.STAGE_EVENTS)) {
            for (UUID runId : List.of(alive, orphaned)) {
                var command = StageRequested.of(runId, Stage.REWARD_MODEL, 1);
                kafka.send(Topics.STAGE_COMMANDS, command.key(), command).get();
            }
            // the orphan is trained again and fails for want of an SFT checkpoint, which proves it was started
            JsonNode failed = await().atMost(PATIENCE).until(
                    () -> typed(stageEvents, orphaned.toString(), "StageFailed", "REWARD_MODEL"), list -> !list.isEmpty()).getFirst();
            assertThat(failed.path("reason").asString()).contains("no SFT checkpoint");
            assertThat(stageEvents.received().stream().filter(r -> alive.toString().equals(r.key()))).isEmpty();
        }
        assertThat(JSON.readTree(http.get("/api/runs/" + alive + "/reward-model").body()).path("status").asString())
                .isEqualTo("RUNNING");
    }

    @Test
    void aKafkaRequestThatCannotBeScoredIsAnsweredWithRewardFailed() throws Exception {
        UUID runId = UUID.randomUUID();
        submit(runId, new RewardSpec(RewardMode.DISTILLED, null, null, null, null, null), null);
        try (EventProbe results = EventProbe.listen(Topics.REWARD_RESULTS)) {
            UUID requestId = UUID.randomUUID();
            var request = RewardRequested.of(runId, requestId, List.of(new ScoringItem("a post", "a summary")));
            kafka.send(Topics.REWARD_REQUESTS, request.key(), request).get();
            JsonNode answer = await().atMost(PATIENCE).until(() -> answers(results, runId, requestId), list -> !list.isEmpty())
                    .getFirst();
            assertThat(answer.path("type").asString()).isEqualTo("RewardFailed");
            assertThat(answer.path("reason").asString()).contains("no trained reward model");
        }
    }

    private void submit(UUID runId, RewardSpec reward, JudgeSpec judge) throws Exception {
        var labeling = judge == null ? null : new LabelingSpec(judge, null, null, null, null, null, null, null, null);
        var spec = new RunSpec("reward-" + runId, 7L, new DatasetSpec("testbed:synthsumm?n=64", null), null, null, null,
                labeling, reward, null, null);
        var submitted = RunSubmitted.of(runId, spec, Instant.now());
        kafka.send(Topics.RUN_EVENTS, submitted.key(), submitted).get();
        await().atMost(PATIENCE).until(() -> http.get("/api/known-runs/" + runId).statusCode() == 200);
    }

    private List<Double> scoreOverRest(UUID runId, List<ScoringItem> items) {
        var response = http.postJson("/api/score", JSON.writeValueAsString(Map.of("runId", runId, "items", items)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Double> scores = new ArrayList<>();
        JSON.readTree(response.body()).path("scores").forEach(score -> scores.add(score.asDouble()));
        return scores;
    }

    /** Every event of one type (and stage) received under a key so far, after one more poll. */
    private static List<JsonNode> typed(EventProbe probe, String key, String type, String stage) {
        probe.awaitKey(key, PATIENCE);
        return probe.received().stream()
                .filter(record -> key.equals(record.key()))
                .map(RewardServiceIntegrationTest::json)
                .filter(node -> type.equals(node.path("type").asString()) && stage.equals(node.path("stage").asString()))
                .toList();
    }

    private static List<JsonNode> answers(EventProbe probe, UUID runId, UUID requestId) {
        probe.awaitKey(runId.toString(), PATIENCE);
        return probe.received().stream()
                .map(RewardServiceIntegrationTest::json)
                .filter(node -> requestId.toString().equals(node.path("requestId").asString()))
                .toList();
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value());
    }
}

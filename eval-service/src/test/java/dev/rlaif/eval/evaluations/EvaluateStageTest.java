package dev.rlaif.eval.evaluations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.events.RunSubmitted;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.events.StageRequested;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.common.spec.DatasetSpec;
import dev.rlaif.common.spec.EvaluationSpec;
import dev.rlaif.common.spec.JudgeSpec;
import dev.rlaif.common.spec.LabelingSpec;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.eval.EvalApplication;
import dev.rlaif.ml.sampling.SamplingConfig;
import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.judgesim.JudgeSimulatorConfig;
import dev.rlaif.testbed.tasks.PromptExample;
import dev.rlaif.testbed.tasks.Task;
import dev.rlaif.testsupport.EventProbe;
import dev.rlaif.testsupport.Http;
import dev.rlaif.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The EVALUATE stage end to end: real Kafka, PostgreSQL and HTTP, two tiny testbed policies, the judge
 * simulator as the AI judge and the simulated humans rating through the rating API.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.config.name=" + EvalApplication.CONFIG_NAME)
class EvaluateStageTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static JudgeSimulator judge;

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private ArtifactStore artifacts;

    @Autowired
    private EvaluationRepository evaluations;

    @Autowired
    private dev.rlaif.common.knownruns.KnownRunRepository knownRuns;

    @Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startJudge() {
        judge = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSize("s"));
    }

    @AfterAll
    static void stopJudge() {
        judge.close();
    }

    @Test
    void evaluatesThePolicyAgainstSftWithAiAndSimulatedHumansAndRepublishesOnRedelivery() throws Exception {
        UUID runId = UUID.randomUUID();
        TinyPolicies.write(artifacts, runId, 60);
        RunSpec spec = new RunSpec("eval-stage", 5L, new DatasetSpec("testbed:synthsumm?n=600", null), null, null, null,
                new LabelingSpec(new JudgeSpec(judge.baseUrl(), judge.modelId(), null, 8), "summarization", "base",
                        null, null, null, null, null, null),
                null, null, new EvaluationSpec(48, List.of("ai", "simulated-human"), 12));
        var submitted = RunSubmitted.of(runId, spec, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        kafka.send(Topics.RUN_EVENTS, submitted.key(), submitted).get();
        Http http = new Http(port);
        await().atMost(PATIENCE).until(() -> http.get("/api/known-runs/" + runId).statusCode() == 200);

        try (EventProbe stageEvents = EventProbe.listen(Topics.STAGE_EVENTS)) {
            var command = StageRequested.of(runId, Stage.EVALUATE, 1);
            kafka.send(Topics.STAGE_COMMANDS, command.key(), command).get();
            JsonNode completed = JSON.readTree(stageEvents.awaitKey(runId.toString(), PATIENCE).value());

            assertThat(completed.path("type").asString()).isEqualTo("StageCompleted");
            assertThat(completed.path("stage").asString()).isEqualTo("EVALUATE");
            JsonNode metrics = completed.path("metrics");
            assertThat(metrics.path("prompts").asDouble()).isEqualTo(48);
            for (String name : List.of("winrate_ai", "winrate_ai_ci_low", "winrate_ai_ci_high", "winrate_ai_lc",
                    "winrate_simulated_human", "winrate_simulated_human_ci_low", "winrate_simulated_human_ci_high",
                    "ai_human_agreement", "inter_rater_agreement", "position_bias_rate", "length_delta")) {
                assertThat(metrics.has(name)).as(name).isTrue();
            }
            assertThat(metrics.path("winrate_simulated_human_n").asDouble()).isEqualTo(96); // two raters × 48 prompts

            // the simulated humans' interval holds what the same panel would say about many more prompts
            double reference = largeSampleHumanWinRate(runId);
            assertThat(reference).isBetween(metrics.path("winrate_simulated_human_ci_low").asDouble(),
                    metrics.path("winrate_simulated_human_ci_high").asDouble());

            // a redelivered command re-publishes the same completion and evaluates nothing again
            kafka.send(Topics.STAGE_COMMANDS, command.key(), command).get();
            await().atMost(PATIENCE).until(() -> {
                stageEvents.awaitKey(runId.toString(), PATIENCE);
                return stageEvents.received().stream().filter(r -> runId.toString().equals(r.key())).count() >= 2;
            });
            List<ConsumerRecord<String, byte[]>> outcomes = stageEvents.received().stream()
                    .filter(r -> runId.toString().equals(r.key())).toList();
            assertThat(JSON.readTree(outcomes.get(1).value())).isEqualTo(completed);
        }

        JsonNode evaluation = JSON.readTree(http.get("/api/runs/" + runId + "/evaluation").body());
        assertThat(evaluation.path("items").asInt()).isEqualTo(48);
        assertThat(evaluation.path("evaluation").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(evaluation.path("report").path("judges")).hasSize(2);
        assertThat(evaluation.path("report").path("judges").get(0).path("winRate").path("method").asString()).isEqualTo("bootstrap");
        // the live table agrees with the numbers the stage reported while no new verdicts arrive
        JsonNode stored = evaluation.path("evaluation").path("metrics");
        assertThat(evaluation.path("report").path("judges").get(1).path("winRate").path("winRate").asDouble())
                .isEqualTo(stored.path("winrate_simulated_human").asDouble());
        assertThat(evaluation.path("report").path("judges").get(0).path("winRate").path("winRate").asDouble())
                .isEqualTo(stored.path("winrate_ai").asDouble());
        long evaluationsOfRun = JSON.readTree(http.get("/api/evaluations?limit=500").body()).valueStream()
                .filter(e -> runId.toString().equals(e.path("runId").asString())).count();
        assertThat(evaluationsOfRun).isEqualTo(1);

        JsonNode board = await().atMost(PATIENCE).until(() -> JSON.readTree(http.get("/api/dashboard/runs/" + runId).body()),
                node -> "SUCCEEDED".equals(node.path("run").path("status").asString()));
        assertThat(board.path("stages").get(0).path("stage").asString()).isEqualTo("EVALUATE");
        assertThat(board.path("progress").size()).isPositive();
    }

    @Test
    void takesOverAnEvaluationThatStoppedMakingProgressWhenTheCommandIsRedelivered() throws Exception {
        UUID runId = UUID.randomUUID();
        TinyPolicies.write(artifacts, runId, 12);
        RunSpec spec = new RunSpec("stale", 9L, new DatasetSpec("testbed:synthsumm?n=120", null), null, null, null, null,
                null, null, new EvaluationSpec(6, List.of("simulated-human"), 8));
        var submitted = RunSubmitted.of(runId, spec, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        kafka.send(Topics.RUN_EVENTS, submitted.key(), submitted).get();
        Http http = new Http(port);
        await().atMost(PATIENCE).until(() -> http.get("/api/known-runs/" + runId).statusCode() == 200);
        // a replica created the evaluation, started generating and died an hour ago
        UUID id = dev.rlaif.common.events.EventIds.derive(runId, "evaluation/1");
        evaluations.create(id, runId, 1, EvaluateStageListener.requestFor(runId, knownRuns.find(runId).orElseThrow()));
        evaluations.status(id, EvaluationStatus.GENERATING);
        jdbc.sql("UPDATE evaluations SET updated_at = now() - interval '1 hour' WHERE id = :id").param("id", id).update();

        try (EventProbe stageEvents = EventProbe.listen(Topics.STAGE_EVENTS)) {
            var command = StageRequested.of(runId, Stage.EVALUATE, 1);
            kafka.send(Topics.STAGE_COMMANDS, command.key(), command).get();
            JsonNode completed = JSON.readTree(stageEvents.awaitKey(runId.toString(), PATIENCE).value());
            assertThat(completed.path("type").asString()).isEqualTo("StageCompleted");
            assertThat(completed.path("metrics").path("winrate_simulated_human_n").asDouble()).isEqualTo(12);
        }
    }

    /** The panel's expected preference for policy over SFT on 400 other prompts, from the gold utility. */
    private double largeSampleHumanWinRate(UUID runId) throws Exception {
        List<String> prompts = TinyPolicies.TASK.prompts(1400).subList(1000, 1400).stream().map(PromptExample::prompt).toList();
        var sampling = new SamplingConfig(0.9f, 0, 1f, 12, true);
        List<String> a = PolicyResponses.generate(artifacts.resolve(ArtifactStore.relative(runId, "policy")), prompts, sampling,
                64, 9001, done -> { });
        List<String> b = PolicyResponses.generate(artifacts.resolve(ArtifactStore.relative(runId, "sft")), prompts, sampling,
                64, 9002, done -> { });
        double sum = 0;
        for (int i = 0; i < prompts.size(); i++) {
            sum += Task.SYNTHSUMM.goldPreference(prompts.get(i), a.get(i), b.get(i));
        }
        return sum / prompts.size();
    }
}

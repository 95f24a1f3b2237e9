package dev.rlaif.trainer.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rlaif.testsupport.Http;
import dev.rlaif.testsupport.ServiceIntegrationTest;
import dev.rlaif.trainer.TrainerApplication;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A run from POST to SUCCEEDED through every stage, with the other services played at the Kafka boundary. */
@ServiceIntegrationTest
@TestPropertySource(properties = {"spring.config.name=" + TrainerApplication.CONFIG_NAME,
        "rlaif.artifacts.dir=${java.io.tmpdir}/rlaif-trainer-lifecycle-test"})
class RunLifecycleTest {

    static final String TINY_RUN = """
            {"name": "%s", "seed": 7,
             "dataset": {"source": "testbed:synthsumm?n=40", "evalFraction": 0.2},
             "policy": {"init": "scratch:xxs"},
             "sft": {"epochs": 2, "batchSize": 8, "learningRate": 0.003},
             "sampling": {"maxNewTokens": 16, "pairsPerPrompt": 1},
             "reward": {"mode": "%s"},
             "rl": {"algorithm": "%s", "steps": 6, "batchSize": 8, "learningRate": 0.001, "checkpointEvery": 3},
             "evaluation": {"prompts": 8}}
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @LocalServerPort
    private int port;

    private Http http;
    private CounterpartServices counterparts;

    @BeforeEach
    void start() {
        http = new Http(port);
        counterparts = new CounterpartServices(kafka);
    }

    @AfterEach
    void stop() throws InterruptedException {
        counterparts.close();
    }

    @Test
    void distilledAndDpoRunsGoThroughEveryStageToSucceededSideBySide() throws Exception {
        String distilled = submit(String.format(TINY_RUN, "distilled-reinforce", "distilled", "reinforce"));
        String dpo = submit(String.format(TINY_RUN, "distilled-dpo", "distilled", "dpo"));

        JsonNode first = awaitFinished(distilled);
        JsonNode second = awaitFinished(dpo);

        assertThat(first.path("status").asString()).as(first.toString()).isEqualTo("SUCCEEDED");
        assertThat(second.path("status").asString()).as(second.toString()).isEqualTo("SUCCEEDED");
        assertThat(stagesRun(first)).containsExactly("SFT", "SAMPLE", "LABEL", "REWARD_MODEL", "RL", "EVALUATE");
        assertThat(stagesRun(second)).containsExactly("SFT", "SAMPLE", "LABEL", "RL", "EVALUATE");
        assertThat(first.path("progressPercent").asDouble()).isEqualTo(100.0);

        JsonNode labelStage = stage(first, "LABEL");
        assertThat(labelStage.path("metrics").path("pairs").asDouble()).isEqualTo(32.0);
        assertThat(labelStage.path("metrics").path("failed").asDouble()).isZero();

        Map<Long, Double> rewardBySteps = series(distilled, "RL", "reward");
        assertThat(rewardBySteps).containsOnlyKeys(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(series(distilled, "RL", "kl")).hasSize(6);
        assertThat(series(distilled, "RL", "heldout_reward")).containsOnlyKeys(3L, 6L);
        assertThat(series(distilled, "SFT", "sft_loss")).isNotEmpty();
        assertThat(counterparts.rewardRequests(UUID.fromString(distilled))).isGreaterThanOrEqualTo(6);
        assertThat(counterparts.rewardRequests(UUID.fromString(dpo))).isZero();

        assertThat(first.path("artifacts").path("policy").asString()).isEqualTo("/api/runs/" + distilled + "/artifacts/policy");
        assertThat(zipEntries("/api/runs/" + distilled + "/artifacts/policy")).contains("config.json", "model.safetensors", "tokenizer.json");
        assertThat(zipEntries("/api/runs/" + dpo + "/artifacts/sft")).contains("config.json", "model.safetensors", "tokenizer.json");

        var cancel = http.postJson("/api/runs/" + distilled + "/cancel", "");
        assertThat(cancel.statusCode()).isEqualTo(409);
    }

    @Test
    void anRlhfRunTakesTheSimulatedRatersChoicesAsLabelsWithoutAskingTheLabeler() {
        String spec = String.format(TINY_RUN, "rlhf", "distilled", "reinforce")
                .replace("\"sampling\":", "\"labeling\": {\"source\": \"human\"}, \"sampling\":");
        String id = submit(spec);

        JsonNode run = awaitFinished(id);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(stage(run, "LABEL").path("metrics").path("labeled").asDouble()).isEqualTo(32.0);
        assertThat(counterparts.labelRequests(UUID.fromString(id))).isZero();
    }

    private String submit(String spec) {
        HttpResponse<String> created = http.postJson("/api/runs", spec);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    private JsonNode awaitFinished(String id) {
        return await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> JSON.readTree(http.get("/api/runs/" + id).body()),
                        run -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(run.path("status").asString()));
    }

    private static List<String> stagesRun(JsonNode run) {
        List<String> stages = new ArrayList<>();
        for (JsonNode stage : run.path("timeline")) {
            assertThat(stage.path("attempt").asInt()).isEqualTo(1);
            assertThat(stage.path("status").asString()).isEqualTo("COMPLETED");
            stages.add(stage.path("stage").asString());
        }
        return stages;
    }

    private static JsonNode stage(JsonNode run, String name) {
        for (JsonNode stage : run.path("timeline")) {
            if (stage.path("stage").asString().equals(name)) {
                return stage;
            }
        }
        throw new AssertionError("no stage " + name + " in " + run);
    }

    private Map<Long, Double> series(String id, String stage, String name) {
        Map<Long, Double> values = new TreeMap<>();
        for (JsonNode point : JSON.readTree(http.get("/api/runs/" + id + "/metrics?stage=" + stage).body())) {
            if (point.path("name").asString().equals(name)) {
                values.put(point.path("step").asLong(), point.path("value").asDouble());
            }
        }
        return values;
    }

    private List<String> zipEntries(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}

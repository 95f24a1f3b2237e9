package dev.rlaif.trainer.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rlaif.common.events.RunProgress;
import dev.rlaif.common.events.Stage;
import dev.rlaif.testsupport.Http;
import dev.rlaif.trainer.rl.RlWork;
import dev.rlaif.testsupport.Infrastructure;
import dev.rlaif.trainer.TrainerApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The trainer-service stops in the middle of RL and starts again: the run resumes from its last checkpoint. */
class TrainerRestartTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRunInterruptedMidRlResumesFromItsLastCheckpointAndRunsNoStageTwice(@TempDir Path artifacts) throws Exception {
        JacksonJsonSerializer<Object> values = new JacksonJsonSerializer<>();
        values.setAddTypeInfo(false);
        var producers = new DefaultKafkaProducerFactory<String, Object>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers()), new StringSerializer(), values);
        String spec = String.format(RunLifecycleTest.TINY_RUN, "restarted", "distilled", "reinforce")
                .replace("\"steps\": 6", "\"steps\": 20");
        UUID runId;
        int boundary;
        try (var counterparts = new CounterpartServices(new KafkaTemplate<>(producers))) {
            try (ConfigurableApplicationContext first = start(artifacts)) {
                Http http = http(first);
                runId = UUID.fromString(JSON.readTree(http.postJson("/api/runs", spec).body()).path("id").asString());
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                        .until(() -> rlSteps(counterparts.progress(), runId).stream().anyMatch(step -> step >= 4));
                assertThat(Files.exists(artifacts.resolve("runs/" + runId + "/" + RlWork.CHECKPOINT + "/model.safetensors"))).isTrue();
            }
            boundary = counterparts.progress().size();

            try (ConfigurableApplicationContext second = start(artifacts)) {
                Http http = http(second);
                JsonNode run = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                        .until(() -> JSON.readTree(http.get("/api/runs/" + runId).body()),
                                node -> List.of("SUCCEEDED", "FAILED").contains(node.path("status").asString()));
                assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
                for (JsonNode stage : run.path("timeline")) {
                    assertThat(stage.path("attempt").asInt()).as("stage %s", stage).isEqualTo(1);
                }
                assertThat(run.path("timeline")).hasSize(6);
            }
            List<RunProgress> afterRestart = counterparts.progress().subList(boundary, counterparts.progress().size()).stream()
                    .filter(p -> p.runId().equals(runId)).toList();
            List<Long> resumedSteps = rlSteps(afterRestart, runId);
            assertThat(resumedSteps).isNotEmpty();
            assertThat(resumedSteps.getFirst()).as("first RL step after the restart").isGreaterThan(3L);
            assertThat((resumedSteps.getFirst() - 1) % 3).as("resumes right after a checkpoint").isZero();
            assertThat(resumedSteps.getLast()).isEqualTo(20L);
            assertThat(afterRestart).noneMatch(p -> p.stage() == Stage.SFT || p.stage() == Stage.SAMPLE);
        } finally {
            producers.destroy();
        }
    }

    private static List<Long> rlSteps(List<RunProgress> progress, UUID runId) {
        return progress.stream().filter(p -> p.runId().equals(runId) && p.stage() == Stage.RL).map(RunProgress::step).toList();
    }

    private static ConfigurableApplicationContext start(Path artifacts) {
        Infrastructure.Database db = Infrastructure.database();
        return TrainerApplication.builder().run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + Infrastructure.kafkaBootstrapServers(),
                "--rlaif.db.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--rlaif.artifacts.dir=" + artifacts,
                "--rlaif.trainer.max-parallel-runs=1");
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}

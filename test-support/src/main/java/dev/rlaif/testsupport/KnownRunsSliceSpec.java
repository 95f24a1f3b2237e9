package dev.rlaif.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rlaif.common.events.RunCancelled;
import dev.rlaif.common.events.RunSubmitted;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.common.spec.DatasetSpec;
import dev.rlaif.common.spec.RunSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first product slice as every run-consuming service (labeler, reward, eval) must behave:
 * it learns about submitted runs from Kafka, records each once in its own schema, exposes them over
 * REST, and sends what it cannot read to the dead-letter topic with the reason. Each service's
 * integration test extends this class.
 */
@ServiceIntegrationTest
public abstract class KnownRunsSliceSpec {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @LocalServerPort
    private int port;

    private Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    private static RunSpec spec(String name) {
        return new RunSpec(name, 7L, new DatasetSpec("testbed:synthsumm?n=64", null), null, null, null, null, null, null, null);
    }

    @Test
    void recordsASubmittedRunOnceEvenWhenTheEventIsRedelivered() throws Exception {
        UUID runId = UUID.randomUUID();
        var submitted = RunSubmitted.of(runId, spec("redelivery"), Instant.now().truncatedTo(ChronoUnit.MILLIS));

        kafka.send(Topics.RUN_EVENTS, submitted.key(), submitted).get();
        JsonNode first = await().atMost(PATIENCE).until(() -> knownRun(runId), node -> node != null);
        assertThat(first.path("name").asString()).isEqualTo("redelivery");
        assertThat(first.path("spec").path("dataset").path("source").asString()).isEqualTo("testbed:synthsumm?n=64");

        kafka.send(Topics.RUN_EVENTS, submitted.key(), submitted).get();
        var cancelled = RunCancelled.of(runId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        kafka.send(Topics.RUN_EVENTS, cancelled.key(), cancelled).get();

        // same key, same partition: once the later cancellation is visible the redelivery has been handled
        JsonNode after = await().atMost(PATIENCE).until(() -> knownRun(runId), node -> node != null && !node.path("cancelledAt").isNull());
        assertThat(after.path("firstSeenAt").asString()).isEqualTo(first.path("firstSeenAt").asString());
        assertThat(after.path("submittedAt").asString()).isEqualTo(first.path("submittedAt").asString());
    }

    @Test
    void sendsAMalformedMessageToTheDeadLetterTopicWithTheReasonAndKeepsConsuming() throws Exception {
        String key = UUID.randomUUID().toString();
        try (EventProbe deadLetters = EventProbe.listen(Topics.deadLetter(Topics.RUN_EVENTS))) {
            deadLetters.send(Topics.RUN_EVENTS, key, "{\"type\":\"RunSubmitted\", not json".getBytes(StandardCharsets.UTF_8));

            var dead = deadLetters.awaitKey(key, PATIENCE);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).startsWith("{\"type\":\"RunSubmitted\", not json");
            assertThat(header(dead.headers().lastHeader("kafka_dlt-exception-fqcn"))).contains("DeserializationException");
            assertThat(header(dead.headers().lastHeader("kafka_dlt-exception-message"))).isNotBlank();
            assertThat(header(dead.headers().lastHeader("kafka_dlt-original-topic"))).isEqualTo(Topics.RUN_EVENTS);
        }

        UUID runId = UUID.randomUUID();
        var submitted = RunSubmitted.of(runId, spec("after-poison"), Instant.now());
        kafka.send(Topics.RUN_EVENTS, submitted.key(), submitted).get();
        await().atMost(PATIENCE).until(() -> knownRun(runId), node -> node != null);
    }

    @Test
    void answersAnUnknownRunWith404ProblemJson() {
        var response = http.get("/api/known-runs/" + UUID.randomUUID());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("title").asString()).isEqualTo("Run not found");
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        assertThat(JSON.readTree(http.get("/actuator/health").body()).path("status").asString()).isEqualTo("UP");
        var prometheus = http.get("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        var openApi = http.get("/v3/api-docs");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/known-runs/{runId}");
    }

    private JsonNode knownRun(UUID runId) {
        var response = http.get("/api/known-runs/" + runId);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static String header(Header header) {
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}

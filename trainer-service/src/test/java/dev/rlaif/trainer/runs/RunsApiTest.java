package dev.rlaif.trainer.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.common.kafka.Topics;
import dev.rlaif.testsupport.EventProbe;
import dev.rlaif.testsupport.Http;
import dev.rlaif.testsupport.ServiceIntegrationTest;
import dev.rlaif.trainer.TrainerApplication;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@ServiceIntegrationTest
// admission off: these runs stay SUBMITTED, so the API is specified without training anything
@TestPropertySource(properties = {"spring.config.name=" + TrainerApplication.CONFIG_NAME, "rlaif.trainer.max-parallel-runs=0"})
class RunsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    private Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    private static ObjectNode exampleSpec() throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("..", "examples", "run-synthsumm.json")));
    }

    @Test
    void submittingTheExampleSpecAnswers201WithLocationPersistsTheRunAndAnnouncesIt() throws Exception {
        try (EventProbe runEvents = EventProbe.listen(Topics.RUN_EVENTS)) {
            HttpResponse<String> created = http.postJson("/api/runs", exampleSpec().toString());

            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode run = JSON.readTree(created.body());
            String id = run.path("id").asString();
            assertThat(created.headers().firstValue("Location")).hasValue("/api/runs/" + id);
            assertThat(run.path("status").asString()).isEqualTo("SUBMITTED");
            assertThat(run.path("spec").path("rl").path("beta").asDouble()).isEqualTo(0.05);

            HttpResponse<String> read = http.get("/api/runs/" + id);
            assertThat(read.statusCode()).isEqualTo(200);
            JsonNode detail = JSON.readTree(read.body());
            assertThat(detail.path("id").asString()).isEqualTo(id);
            assertThat(detail.path("status").asString()).isEqualTo("SUBMITTED");
            assertThat(detail.path("spec")).isEqualTo(run.path("spec"));
            assertThat(detail.path("progressPercent").asDouble()).isZero();
            assertThat(detail.path("plan").toString()).isEqualTo("[\"SFT\",\"SAMPLE\",\"LABEL\",\"REWARD_MODEL\",\"RL\",\"EVALUATE\"]");

            var announced = runEvents.awaitKey(id, Duration.ofSeconds(30));
            JsonNode event = JSON.readTree(announced.value());
            assertThat(event.path("type").asString()).isEqualTo("RunSubmitted");
            assertThat(event.path("runId").asString()).isEqualTo(id);
            assertThat(event.path("spec").path("name").asString()).isEqualTo("synthsumm-distilled");
        }
    }

    @Test
    void omittedSectionsTakeThePaperDefaults() {
        HttpResponse<String> created = http.postJson("/api/runs",
                "{\"name\":\"minimal\",\"dataset\":{\"source\":\"testbed:synthsumm\"}}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode spec = JSON.readTree(created.body()).path("spec");
        assertThat(spec.path("rl").path("beta").asDouble()).isEqualTo(0.05);
        assertThat(spec.path("rl").path("temperature").asDouble()).isEqualTo(0.9);
        assertThat(spec.path("reward").path("mode").asString()).isEqualTo("distilled");
        assertThat(spec.path("labeling").path("positionDebiasing").asBoolean()).isTrue();
    }

    @Test
    void anInvalidSpecAnswers400ProblemJsonNamingEachBadField() throws Exception {
        ObjectNode spec = exampleSpec();
        spec.put("name", "");
        ((ObjectNode) spec.path("rl")).put("beta", -1);
        ((ObjectNode) spec.path("rl")).put("algorithm", "sarsa");
        ((ObjectNode) spec.path("labeling").path("judge")).put("baseUrl", "not a url");
        spec.remove("dataset");

        HttpResponse<String> response = http.postJson("/api/runs", spec.toString());

        assertProblem(response, 400, "Invalid request");
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.body()).path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).contains("name", "rl.beta", "rl.algorithm", "labeling.judge.baseUrl", "dataset");
    }

    @Test
    void malformedJsonAnswers400ProblemJson() {
        HttpResponse<String> response = http.postJson("/api/runs", "{\"name\": \"x\", \"dataset\": ");
        assertProblem(response, 400, "Malformed request body");
    }

    @Test
    void aWronglyTypedOrUnknownFieldIsNamed() throws Exception {
        ObjectNode typo = exampleSpec();
        ((ObjectNode) typo.path("rl")).put("betta", 0.1);
        HttpResponse<String> unknown = http.postJson("/api/runs", typo.toString());
        assertProblem(unknown, 400, "Malformed request body");
        assertThat(JSON.readTree(unknown.body()).path("errors").get(0).path("field").asString()).isEqualTo("rl.betta");

        ObjectNode wrongType = exampleSpec();
        ((ObjectNode) wrongType.path("rl")).put("steps", "many");
        HttpResponse<String> typed = http.postJson("/api/runs", wrongType.toString());
        assertProblem(typed, 400, "Malformed request body");
        assertThat(JSON.readTree(typed.body()).path("errors").get(0).path("field").asString()).isEqualTo("rl.steps");

        ObjectNode badMode = exampleSpec();
        ((ObjectNode) badMode.path("reward")).put("mode", "magic");
        assertProblem(http.postJson("/api/runs", badMode.toString()), 400, "Malformed request body");
    }

    @Test
    void anUnknownRunAnswers404ProblemJson() {
        assertProblem(http.get("/api/runs/" + UUID.randomUUID()), 404, "Run not found");
        assertProblem(http.get("/api/runs/not-a-uuid"), 400, null);
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyReturnsTheSameRun() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = exampleSpec().toString();

        HttpResponse<String> first = http.postJson("/api/runs", body, Map.of("Idempotency-Key", key));
        HttpResponse<String> retry = http.postJson("/api/runs", body, Map.of("Idempotency-Key", key));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(retry.body()).path("id")).isEqualTo(JSON.readTree(first.body()).path("id"));

        ObjectNode different = exampleSpec();
        different.put("name", "something else");
        assertProblem(http.postJson("/api/runs", different.toString(), Map.of("Idempotency-Key", key)), 409, "Idempotency key reused");
    }

    @Test
    void runsAreListedNewestFirstAndFilteredByStatus() throws Exception {
        ObjectNode spec = exampleSpec();
        spec.put("name", "listed-" + UUID.randomUUID());
        String id = JSON.readTree(http.postJson("/api/runs", spec.toString()).body()).path("id").asString();

        JsonNode submitted = JSON.readTree(http.get("/api/runs?status=SUBMITTED&size=5").body());
        assertThat(submitted.path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(submitted.path("totalItems").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode succeeded = JSON.readTree(http.get("/api/runs?status=SUCCEEDED").body());
        succeeded.path("items").forEach(item -> assertThat(item.path("status").asString()).isEqualTo("SUCCEEDED"));
        assertProblem(http.get("/api/runs?size=0"), 400, null);
    }

    @Test
    void cancellingASubmittedRunWorksOnceAndThenAnswers409() throws Exception {
        String id = JSON.readTree(http.postJson("/api/runs", exampleSpec().toString()).body()).path("id").asString();

        HttpResponse<String> cancelled = http.postJson("/api/runs/" + id + "/cancel", "");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(cancelled.body()).path("status").asString()).isEqualTo("CANCELLED");

        assertProblem(http.postJson("/api/runs/" + id + "/cancel", ""), 409, "Run already finished");
        assertProblem(http.postJson("/api/runs/" + UUID.randomUUID() + "/cancel", ""), 404, "Run not found");
    }

    @Test
    void metricsAndArtifactsOfAnUnknownRunOrArtifactAre404() throws Exception {
        assertProblem(http.get("/api/runs/" + UUID.randomUUID() + "/metrics"), 404, "Run not found");
        String id = JSON.readTree(http.postJson("/api/runs", exampleSpec().toString()).body()).path("id").asString();
        assertThat(http.get("/api/runs/" + id + "/metrics").body()).isEqualTo("[]");
        assertProblem(http.get("/api/runs/" + id + "/artifacts/policy"), 404, "Artifact not found");
        assertProblem(http.get("/api/runs/" + id + "/artifacts/secrets"), 404, "Artifact not found");
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        assertThat(JSON.readTree(http.get("/actuator/health").body()).path("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/prometheus").body()).contains("http_server_requests");
        String openApi = http.get("/v3/api-docs").body();
        assertThat(openApi).contains("/api/runs/{id}", "/api/runs/{id}/cancel", "/api/runs/{id}/events");
        assertThat(openApi).contains("synthsumm-distilled");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        if (title != null) {
            assertThat(JSON.readTree(response.body()).path("title").asString()).isEqualTo(title);
        }
    }
}

package dev.rlaif.eval.evaluations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.eval.EvalApplication;
import dev.rlaif.eval.ratings.RaterClient;
import dev.rlaif.testsupport.Http;
import dev.rlaif.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/evaluations} on its own, and a human rater working through it over the rating API. */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.config.name=" + EvalApplication.CONFIG_NAME)
class EvaluationsApiTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private ArtifactStore artifacts;

    @LocalServerPort
    private int port;

    @Test
    void rejectsAnInvalidRequestWithProblemJsonNamingEachField() {
        var response = new Http(port).postJson("/api/evaluations", """
                {"name": "", "policyA": "runs/nowhere/policy", "policyB": "runs/nowhere/sft", "prompts": "runs/nowhere/eval.jsonl",
                 "n": 0, "judges": ["ai", "crowd"]}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        Set<String> fields = new HashSet<>();
        errors.forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).contains("name", "n", "judges[1]");
    }

    @Test
    void aSignedInRaterMustEchoTheCsrfTokenAndGetsAnHttpOnlySession() {
        RaterClient browser = RaterClient.browser(port);
        assertThat(browser.get("/rate").statusCode()).isEqualTo(200); // sets the XSRF-TOKEN cookie
        assertThat(browser.signIn("dora", RaterClient.PASSCODE, false).statusCode()).isEqualTo(403);
        String pageAnswer = "/rate/tasks/" + UUID.randomUUID();
        assertThat(browser.postJson(pageAnswer, "{}", true).statusCode()).isEqualTo(401); // the rating page's answers need a rater
        assertThat(browser.signIn("dora", "guess", true).statusCode()).isEqualTo(401);
        assertThat(browser.signIn("simulated-human-0", RaterClient.PASSCODE, true).statusCode()).isEqualTo(401);
        assertThat(browser.signIn("dora", RaterClient.PASSCODE, true).statusCode()).isEqualTo(204);
        assertThat(browser.cookieFlags("JSESSIONID")).containsEntry("httpOnly", "true");
        assertThat(JSON.readTree(browser.get("/api/ratings/me").body()).path("rater").asString()).isEqualTo("dora");

        assertThat(browser.postJson(pageAnswer, "{}", false).statusCode()).isEqualTo(403); // and the CSRF token
        String unknownTask = "/api/ratings/" + UUID.randomUUID();
        assertThat(browser.postJson(unknownTask, "{\"choice\": \"left\"}", false).statusCode()).isEqualTo(403);
        assertThat(browser.postJson(unknownTask, "{\"choice\": \"left\"}", true).statusCode()).isEqualTo(404);
    }

    @Test
    void rejectsCheckpointsThatAreNotInTheArtifactStore() {
        var response = new Http(port).postJson("/api/evaluations", """
                {"name": "missing", "policyA": "runs/%s/policy", "policyB": "../../etc", "prompts": "runs/x/eval.jsonl",
                 "judges": ["simulated-human"]}""".formatted(UUID.randomUUID()));
        assertThat(response.statusCode()).isEqualTo(400);
        Set<String> fields = new HashSet<>();
        JSON.readTree(response.body()).path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("policyA", "policyB", "prompts", "testbedTask");
    }

    @Test
    void aHumanRatesEachComparisonOnceAndTheTableCountsTheVerdicts() throws Exception {
        UUID runId = UUID.randomUUID();
        TinyPolicies.write(artifacts, runId, 10);
        Http http = new Http(port);
        String body = """
                {"name": "human-only", "policyA": "%s", "policyB": "%s", "prompts": "%s", "n": 4, "judges": ["human"],
                 "maxNewTokens": 8, "seed": 3}""".formatted(ArtifactStore.relative(runId, "policy"),
                ArtifactStore.relative(runId, "sft"), ArtifactStore.relative(runId, "dataset/eval.jsonl"));
        String key = UUID.randomUUID().toString();
        var created = http.postJson("/api/evaluations", body, Map.of("Idempotency-Key", key));
        assertThat(created.statusCode()).isEqualTo(202);
        String id = JSON.readTree(created.body()).path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/evaluations/" + id);
        var retried = http.postJson("/api/evaluations", body, Map.of("Idempotency-Key", key));
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(retried.body()).path("id").asString()).isEqualTo(id);

        await().atMost(PATIENCE).until(() -> JSON.readTree(http.get("/api/evaluations/" + id).body())
                .path("evaluation").path("status").asString().equals("COMPLETED"));

        String rater = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        RaterClient alice = RaterClient.basic(port, rater, RaterClient.PASSCODE);
        String next = "/api/ratings/next?evaluation=" + id;
        assertThat(new Http(port).get(next).statusCode()).isEqualTo(401);
        assertThat(RaterClient.basic(port, rater, "wrong").get(next).statusCode()).isEqualTo(401);
        JsonNode first = JSON.readTree(alice.get(next).body());
        assertThat(first.path("progress").path("answered").asInt()).isZero();
        assertThat(first.path("progress").path("total").asInt()).isEqualTo(4);
        assertThat(JSON.readTree(alice.get(next).body()).path("taskId")).isEqualTo(first.path("taskId")); // an open task is handed out again

        String firstTask = first.path("taskId").asString();
        var invalid = alice.postJson("/api/ratings/" + firstTask, "{\"choice\": \"both\"}", false);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).path("errors").get(0).path("field").asString()).isEqualTo("choice");
        var stranger = RaterClient.basic(port, "mallory", RaterClient.PASSCODE).postJson("/api/ratings/" + firstTask, "{\"choice\": \"left\"}", false);
        assertThat(stranger.statusCode()).isEqualTo(409);
        assertThat(alice.postJson("/api/ratings/" + UUID.randomUUID(), "{\"choice\": \"left\"}", false).statusCode()).isEqualTo(404);

        for (String choice : new String[] {"left", "tie", "skip", "right"}) {
            JsonNode task = JSON.readTree(alice.get(next).body());
            var answered = alice.postJson("/api/ratings/" + task.path("taskId").asString(), "{\"choice\": \"" + choice + "\"}", false);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answered.body()).path("recorded").asBoolean()).isTrue();
        }
        assertThat(alice.get(next).statusCode()).isEqualTo(204);
        var again = alice.postJson("/api/ratings/" + firstTask, "{\"choice\": \"right\"}", false);
        assertThat(JSON.readTree(again.body()).path("recorded").asBoolean()).isFalse();

        JsonNode report = JSON.readTree(http.get("/api/evaluations/" + id).body()).path("report");
        JsonNode human = report.path("judges").get(0);
        assertThat(human.path("judge").asString()).isEqualTo("human");
        assertThat(human.path("winRate").path("verdicts").asInt()).isEqualTo(3);
        assertThat(human.path("winRate").path("ties").asInt()).isEqualTo(1);
        assertThat(human.path("winRate").path("method").asString()).isEqualTo("wilson");
    }
}

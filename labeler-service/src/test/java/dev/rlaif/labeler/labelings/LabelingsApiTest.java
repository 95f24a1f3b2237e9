package dev.rlaif.labeler.labelings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.labeler.LabelRequests;
import dev.rlaif.labeler.LabelerTestConfig;
import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.judgesim.JudgeSimulatorConfig;
import dev.rlaif.testbed.tasks.Jsonl;
import dev.rlaif.testbed.tasks.PreferencePair;
import dev.rlaif.testbed.tasks.SynthSumm;
import dev.rlaif.testsupport.Http;
import dev.rlaif.testsupport.ServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Labeling a JSONL of pairs outside a run over REST: accepted at once, labeled in the background, exported as JSONL. */
@ServiceIntegrationTest
@TestPropertySource(properties = LabelerTestConfig.CONFIG_NAMES)
class LabelingsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Test
    void labelsAJsonlOfPairsInTheBackgroundWithProgressLabelsExportAndReport() {
        var http = new Http(port);
        List<PreferencePair> pairs = new SynthSumm(5).preferencePairs(24);
        String jsonl = pairs.stream().map(Jsonl::toLine).collect(Collectors.joining("\n"));
        try (var sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSeed(5).withSize("l").withLatencyMs(5))) {
            Map<String, Object> body = Map.of("name", "synthsumm sample", "seed", 3,
                    "labeling", LabelRequests.plain(sim, true), "jsonl", jsonl);

            var accepted = http.postJson("/api/labelings", JSON.writeValueAsString(body));

            assertThat(accepted.statusCode()).isEqualTo(202);
            String location = accepted.headers().firstValue("Location").orElseThrow();
            JsonNode job = JSON.readTree(accepted.body());
            assertThat(job.path("total").asInt()).isEqualTo(24);
            assertThat(location).isEqualTo("/api/labelings/" + job.path("id").asString());

            JsonNode done = Awaitility.await().atMost(LabelRequests.PATIENCE)
                    .until(() -> JSON.readTree(http.get(location).body()), j -> j.path("status").asString().equals("COMPLETED"));
            assertThat(done.path("labeled").asLong()).isEqualTo(24);
            assertThat(done.path("failed").asLong()).isZero();
            assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
            assertThat(sim.requestCount()).isEqualTo(48);

            assertThat(JSON.readTree(http.get(location + "/labels?size=10").body()).size()).isEqualTo(10);
            var export = http.get(location + "/labels.jsonl");
            assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
            List<JsonNode> rows = export.body().lines().map(JSON::readTree).toList();
            assertThat(rows).hasSize(24);
            assertThat(rows.stream().map(r -> r.path("id").asString()))
                    .containsExactlyInAnyOrderElementsOf(pairs.stream().map(PreferencePair::id).toList());
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.path("preference").asDouble()).isBetween(0.0, 1.0);
                assertThat(r.path("judge_calls").asInt()).isEqualTo(2);
                assertThat(r.path("human_preference").isNumber()).isTrue();
            });

            JsonNode report = JSON.readTree(http.get(location + "/report").body());
            // pairs whose human preference is a tie (0.5) have no preferred response to agree with
            long humanLabeled = pairs.stream().filter(p -> p.preference() != 0.5).count();
            assertThat(report.at("/alignment/pairs").asLong() + report.at("/alignment/ties").asLong()).isEqualTo(humanLabeled);
            assertThat(report.at("/alignment/accuracy").asDouble()).isGreaterThan(0.5);
        }
    }

    @Test
    void rejectsBadPairsWithProblemJsonNamingEveryBadLine() {
        var http = new Http(port);
        String jsonl = """
                {"id": "1", "prompt": "p", "response_a": "a", "response_b": "b"}
                not json
                {"id": "3", "prompt": "p", "response_a": "a"}
                {"id": "4", "prompt": "p", "response_a": "a", "response_b": "b", "preference": 2}
                """;
        var labeling = Map.of("judge", Map.of("baseUrl", "http://localhost:1/v1", "model", "m"));
        var response = http.postJson("/api/labelings", JSON.writeValueAsString(Map.of("labeling", labeling, "jsonl", jsonl)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactly("line 2", "line 3", "line 4.preference");

        var neither = http.postJson("/api/labelings", JSON.writeValueAsString(Map.of("labeling", labeling)));
        assertThat(neither.statusCode()).isEqualTo(400);
        var outside = http.postJson("/api/labelings", JSON.writeValueAsString(Map.of("labeling", labeling,
                "source", "file:/etc/hostname")));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(outside.body()).path("errors").path(0).path("field").asString()).isEqualTo("source");
        var badSpec = http.postJson("/api/labelings", JSON.writeValueAsString(Map.of(
                "labeling", Map.of("judge", Map.of("baseUrl", "ftp://x", "model", "m")), "jsonl", "{}")));
        assertThat(badSpec.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badSpec.body()).path("errors").path(0).path("field").asString()).isEqualTo("labeling.judge.baseUrl");
    }

    @Test
    void answersUnknownLabelingsAndRunsWith404ProblemJson() {
        var http = new Http(port);
        for (String path : List.of("/api/labelings/" + UUID.randomUUID(), "/api/labelings/" + UUID.randomUUID() + "/labels",
                "/api/runs/" + UUID.randomUUID() + "/labels/report")) {
            var response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
    }
}

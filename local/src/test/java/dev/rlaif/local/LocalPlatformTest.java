package dev.rlaif.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The embedded default end to end: everything starts, the first slice crosses all four services, data survives a restart. */
class LocalPlatformTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsEverythingCarriesARunToAllServicesAndKeepsItAcrossARestart(@TempDir Path data) throws Exception {
        int kafkaPort = FreePorts.range(2);
        int postgresPort = FreePorts.range(1);
        int basePort = FreePorts.range(5);
        var options = new LocalOptions(data, false, kafkaPort, postgresPort, basePort, true, false, 0);
        String trainer = "http://localhost:" + (basePort + 3);
        String runId;

        try (var platform = new LocalPlatform()) {
            platform.start(options);
            assertThat(platform.urls()).containsOnlyKeys("labeler-service", "reward-service", "trainer-service", "eval-service");
            for (String url : platform.urls().values()) {
                assertThat(get(url + "/actuator/health").body()).contains("\"UP\"");
            }

            HttpResponse<String> created = post(trainer + "/api/runs", Files.readString(Path.of("..", "examples", "run-synthsumm.json")));
            assertThat(created.statusCode()).isEqualTo(201);
            runId = JSON.readTree(created.body()).path("id").asString();
            assertThat(get(trainer + "/api/runs/" + runId).statusCode()).isEqualTo(200);

            HttpResponse<String> malformed = post(trainer + "/api/runs", "{\"name\": ");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

            for (int offset : List.of(1, 2, 4)) {
                String knownRun = "http://localhost:" + (basePort + offset) + "/api/known-runs/" + runId;
                await().atMost(Duration.ofSeconds(30)).until(() -> get(knownRun).statusCode() == 200);
            }
        }

        try (var restarted = new LocalPlatform()) {
            restarted.start(options);
            assertThat(JSON.readTree(get(trainer + "/api/runs/" + runId).body()).path("status").asString()).isIn("SUBMITTED", "RUNNING");
            assertThat(get("http://localhost:" + (basePort + 1) + "/api/known-runs/" + runId).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void rejectsUnknownOptionsWithUsage() {
        var error = org.assertj.core.api.Assertions.catchThrowable(() -> LocalOptions.parse("--kafka-port=abc"));
        assertThat(error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--kafka-port must be a port number");
        assertThat(LocalOptions.parse("--fresh", "--base-port=9000").basePort()).isEqualTo(9000);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LocalOptions.parse("--bogus")))
                .hasMessageContaining("Unknown option '--bogus'");
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

}

package dev.rlaif.testbed.judgesim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A plain HTTP client for the simulator's tests (the SDK fidelity test uses the official client). */
final class SimulatorHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private SimulatorHttp() {
    }

    static ObjectNode body() {
        return JSON.createObjectNode().put("model", "judge-sim-l");
    }

    static ObjectNode chat(String prompt) {
        ObjectNode body = body();
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        return body;
    }

    static HttpResponse<String> post(JudgeSimulator sim, String path, JsonNode body) throws IOException,
            InterruptedException {
        return CLIENT.send(request(sim, path, JSON.writeValueAsString(body)), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postRaw(JudgeSimulator sim, String path, String body) throws IOException,
            InterruptedException {
        return CLIENT.send(request(sim, path, body), HttpResponse.BodyHandlers.ofString());
    }

    static CompletableFuture<HttpResponse<String>> postAsync(JudgeSimulator sim, String path, JsonNode body) {
        return CLIENT.sendAsync(request(sim, path, JSON.writeValueAsString(body)), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(JudgeSimulator sim, String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpRequest request(JudgeSimulator sim, String path, String body) {
        return HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}

package dev.rlaif.eval.ratings;

import dev.rlaif.eval.EvalProperties;
import dev.rlaif.testbed.raters.Preference;
import dev.rlaif.testbed.raters.SimulatedHumans;
import dev.rlaif.testbed.tasks.Task;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code simulated-human} judge: the testbed's simulated raters, each an automated client of the
 * same rating API human raters use. A rater fetches its next comparison over HTTP, reads the prompt
 * and the two responses as shown, answers left or right by its Bradley–Terry draw, and posts the
 * answer; nothing bypasses the API.
 */
@Component
public class SimulatedRaterPanel {

    private final EvalProperties properties;
    private final Environment environment;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public SimulatedRaterPanel(EvalProperties properties, Environment environment, JsonMapper json) {
        this.properties = properties;
        this.environment = environment;
        this.json = json;
    }

    /**
     * Every rater of the panel rates every item of the evaluation; returns when none has anything left.
     *
     * @param onVerdict called after each answer with the answers given so far by all raters
     */
    public void rate(UUID evaluationId, String testbedTask, long seed, IntConsumer onVerdict) throws InterruptedException {
        SimulatedHumans humans = new SimulatedHumans(Task.named(testbedTask), seed);
        URI base = base();
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> raters = new ArrayList<>();
            for (int r = 0; r < properties.simulatedRaters(); r++) {
                int raterIndex = r;
                raters.add(executor.submit(() -> {
                    String rater = Raters.simulated(raterIndex);
                    String authorization = "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (rater + ":" + properties.simulatedRaterSecret()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    for (JsonNode task; (task = next(base, authorization, evaluationId)) != null; ) {
                        Preference preference = humans.preference(raterIndex, task.path("prompt").asString(),
                                task.path("left").asString(), task.path("right").asString());
                        answer(base, task.path("taskId").asString(), authorization, preference == Preference.A ? "left" : "right");
                        onVerdict.accept(answered.incrementAndGet());
                    }
                    return null;
                }));
            }
            for (Future<?> rater : raters) {
                try {
                    rater.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a simulated rater failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
    }

    private JsonNode next(URI base, String authorization, UUID evaluationId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/ratings/next?evaluation=" + evaluationId))
                        .header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 204) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET next task answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private void answer(URI base, String taskId, String authorization, String choice) throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("choice", choice));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/ratings/" + taskId))
                        .header("Content-Type", "application/json")
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST answer answered " + response.statusCode() + ": " + response.body());
        }
    }

    private URI base() {
        if (properties.ratingApi() != null) {
            return properties.ratingApi();
        }
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("no rating API: set rlaif.eval.rating-api or run the web server");
        }
        return URI.create("http://localhost:" + port);
    }
}

package dev.rlaif.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo run: submits a small synthsumm run (distilled RLAIF) to the local platform, shows a
 * progress line per stage while it runs, and prints the verdict: win rates of the RLAIF policy over
 * SFT by simulated humans and by the AI judge with 95 % CIs, labeler alignment and position bias,
 * reward-model accuracy, the final KL, and how long each stage took.
 */
final class Demo {

    /** What the demo found; {@code run} is the trainer's final view of the run. */
    record Result(JsonNode run, JsonNode labelReport, Map<String, Double> evaluation, Map<String, Double> rewardModel) {

        String status() {
            return run.path("status").asString();
        }

        double metric(String name) {
            return evaluation.getOrDefault(name, Double.NaN);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FINAL = List.of("SUCCEEDED", "FAILED", "CANCELLED");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> urls;
    private final PrintStream out;

    Demo(Map<String, String> urls, PrintStream out) {
        this.urls = urls;
        this.out = out;
    }

    static String defaultSpec(String judgeBaseUrl) {
        try (InputStream in = Demo.class.getResourceAsStream("/demo-run.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${JUDGE_URL}", judgeBaseUrl);
        } catch (IOException e) {
            throw new IllegalStateException("demo-run.json is part of the jar", e);
        }
    }

    Result run(String spec, Duration timeout) throws IOException, InterruptedException {
        String trainer = urls.get("trainer-service");
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(trainer + "/api/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(spec)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("the demo spec was rejected: " + created.statusCode() + " " + created.body());
        }
        String id = JSON.readTree(created.body()).path("id").asString();
        out.println("Demo run " + id + " submitted; follow it at " + urls.get("eval-service") + "/  or  " + trainer + "/api/runs/" + id);

        Instant deadline = Instant.now().plus(timeout);
        String lastMilestone = "";
        Instant lastPrint = Instant.EPOCH;
        JsonNode run = get(trainer + "/api/runs/" + id);
        while (!FINAL.contains(run.path("status").asString())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the demo run did not finish within " + timeout + "; last state: " + line(run));
            }
            String line = line(run);
            String milestone = run.path("currentStage").asString("") + "/" + (int) (run.path("progressPercent").asDouble() / 5);
            if (!milestone.equals(lastMilestone) || Duration.between(lastPrint, Instant.now()).toSeconds() >= 15) {
                out.println(line);
                lastMilestone = milestone;
                lastPrint = Instant.now();
            }
            Thread.sleep(500);
            run = get(trainer + "/api/runs/" + id);
        }
        JsonNode report = get(urls.get("labeler-service") + "/api/runs/" + id + "/labels/report");
        return new Result(run, report, stageMetrics(run, "EVALUATE"), stageMetrics(run, "REWARD_MODEL"));
    }

    void print(Result result) {
        JsonNode run = result.run();
        out.println();
        out.println("Run " + run.path("id").asString() + ": " + result.status()
                + (run.path("failureReason").isNull() ? "" : " (" + run.path("failureReason").asString() + ")"));
        out.println();
        out.println("  RLAIF policy vs SFT policy (simulated testbed; the numbers show the machinery works, not the paper's claims)");
        out.printf("  %-44s %s%n", "win rate, simulated humans", rate(result, "winrate_simulated_human"));
        out.printf("  %-44s %s%n", "win rate, AI judge (both orders)", rate(result, "winrate_ai"));
        JsonNode alignment = result.labelReport().path("alignment");
        JsonNode bias = result.labelReport().path("positionBias");
        out.printf("  %-44s %s%n", "AI labeler alignment with simulated humans",
                alignment.path("accuracy").isNumber() ? interval(alignment.path("accuracy").asDouble(),
                        alignment.path("ci95Low").asDouble(), alignment.path("ci95High").asDouble()) + "  (" + alignment.path("pairs").asLong() + " pairs)" : "n/a");
        out.printf("  %-44s %s%n", "labeler position-bias rate",
                bias.path("rate").isNumber() ? percent(bias.path("rate").asDouble()) : "n/a");
        out.printf("  %-44s %s%n", "reward-model accuracy (held-out AI labels)", percentOrNa(result.rewardModel().get("accuracy_ai_heldout")));
        out.printf("  %-44s %s%n", "reward-model accuracy (held-out human labels)", percentOrNa(result.rewardModel().get("accuracy_human_heldout")));
        out.printf("  %-44s %s%n", "KL to the SFT policy at the end of RL", number(run.path("latestMetrics").path("kl")));
        out.println();
        out.println("  Stage timings:");
        for (JsonNode stage : run.path("timeline")) {
            Instant started = Instant.parse(stage.path("startedAt").asString());
            String finished = stage.path("finishedAt").asString(null);
            long seconds = finished == null ? -1 : Duration.between(started, Instant.parse(finished)).toSeconds();
            out.printf("    %-13s %-10s %4d s%n", stage.path("stage").asString(), stage.path("status").asString(), seconds);
        }
        out.println();
        out.println("  Dashboard: " + urls.get("eval-service") + "/");
    }

    private static String line(JsonNode run) {
        String stage = run.path("currentStage").isNull() ? run.path("status").asString() : run.path("currentStage").asString();
        StringBuilder line = new StringBuilder(String.format("[%5.1f%%] %-13s", run.path("progressPercent").asDouble(), stage));
        JsonNode metrics = run.path("latestMetrics");
        for (String key : keyMetrics(stage)) {
            if (metrics.path(key).isNumber()) {
                line.append(String.format(" %s=%.3f", key, metrics.path(key).asDouble()));
            }
        }
        if (run.path("etaSeconds").isNumber()) {
            line.append("  ETA ").append(run.path("etaSeconds").asLong()).append(" s");
        }
        return line.toString();
    }

    private static List<String> keyMetrics(String stage) {
        return switch (stage) {
            case "SFT" -> List.of("sft_loss");
            case "REWARD_MODEL" -> List.of("loss", "accuracy");
            case "RL" -> List.of("reward", "kl", "response_length");
            default -> List.of();
        };
    }

    private static Map<String, Double> stageMetrics(JsonNode run, String stage) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (JsonNode record : run.path("timeline")) {
            if (record.path("stage").asString().equals(stage) && record.path("status").asString().equals("COMPLETED")) {
                record.path("metrics").properties().forEach(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
            }
        }
        return metrics;
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    private static String rate(Result result, String key) {
        double value = result.metric(key);
        return Double.isNaN(value) ? "n/a" : interval(value, result.metric(key + "_ci_low"), result.metric(key + "_ci_high"))
                + "  (" + (long) result.metric(key + "_n") + " prompts)";
    }

    private static String interval(double value, double low, double high) {
        return String.format("%5.1f %%  [95 %% CI %5.1f – %5.1f]", 100 * value, 100 * low, 100 * high);
    }

    private static String percent(double value) {
        return String.format("%5.1f %%", 100 * value);
    }

    private static String percentOrNa(Double value) {
        return value == null ? "n/a" : percent(value);
    }

    private static String number(JsonNode value) {
        return value.isNumber() ? String.format("%.4f", value.asDouble()) : "n/a";
    }
}

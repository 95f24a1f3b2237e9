package dev.rlaif.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole RLAIF loop on the embedded default with the judge simulator: the README's demo run itself
 * (distilled) and a smaller direct-RLAIF run. Distilled RLAIF must reach SUCCEEDED with RL that really improved the policy
 * (the simulated-human win rate's 95 % CI lies above 50 % at the fixed seed); direct RLAIF must reach
 * SUCCEEDED with rewards from the judge's 1–10 ratings.
 */
class DemoRunTest {

    @Test
    void theRlaifLoopBeatsSftInDistilledModeAndCompletesInDirectMode(@TempDir Path data) throws Exception {
        var options = new LocalOptions(data, false, FreePorts.range(2), FreePorts.range(1), FreePorts.range(5), true, true, FreePorts.range(1));
        try (var platform = new LocalPlatform()) {
            platform.start(options);
            var demo = new Demo(platform.urls(), new PrintStream(System.out, true, StandardCharsets.UTF_8));

            Demo.Result distilled = demo.run(Demo.defaultSpec(platform.judgeBaseUrl()), Duration.ofMinutes(20));
            demo.print(distilled);
            assertThat(distilled.status()).as(distilled.run().toString()).isEqualTo("SUCCEEDED");
            assertThat(distilled.metric("winrate_simulated_human_ci_low")).as("simulated-human win rate CI low").isGreaterThan(0.5);
            assertThat(distilled.rewardModel()).containsKey("accuracy_ai_heldout");
            assertThat(distilled.labelReport().path("labels").asLong()).isEqualTo(320);
            List<Double> rewards = rlRewards(platform.urls().get("trainer-service"), distilled.run().path("id").asString());
            assertThat(rewards).hasSize(60);
            assertThat(mean(rewards.subList(55, 60))).as("mean RL reward of the last 5 steps vs the first 5: %s", rewards)
                    .isGreaterThan(mean(rewards.subList(0, 5)));

            Demo.Result direct = demo.run(spec(platform.judgeBaseUrl(), "direct", 64, 8), Duration.ofMinutes(15));
            demo.print(direct);
            assertThat(direct.status()).as(direct.run().toString()).isEqualTo("SUCCEEDED");
            List<String> stages = new ArrayList<>();
            for (JsonNode stage : direct.run().path("timeline")) {
                stages.add(stage.path("stage").asString());
            }
            assertThat(stages).containsExactly("SFT", "SAMPLE", "LABEL", "RL", "EVALUATE");
            assertThat(direct.run().path("latestMetrics").path("reward").isNumber()).isTrue();
        }
    }

    private static List<Double> rlRewards(String trainer, String runId) throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(trainer + "/api/runs/" + runId + "/metrics?stage=RL")).build(),
                HttpResponse.BodyHandlers.ofString());
        var byStep = new TreeMap<Long, Double>();
        for (JsonNode point : JsonMapper.builder().build().readTree(response.body())) {
            if (point.path("name").asString().equals("reward")) {
                byStep.put(point.path("step").asLong(), point.path("value").asDouble());
            }
        }
        return List.copyOf(byStep.values());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static String spec(String judgeUrl, String mode, int prompts, int steps) throws IOException {
        try (InputStream in = DemoRunTest.class.getResourceAsStream("/e2e-run.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${JUDGE_URL}", judgeUrl).replace("${MODE}", mode)
                    .replace("${PROMPTS}", Integer.toString(prompts)).replace("${STEPS}", Integer.toString(steps));
        }
    }
}

package dev.rlaif.testbed.judgesim;

import static dev.rlaif.testbed.judgesim.SimulatorHttp.chat;
import static dev.rlaif.testbed.judgesim.SimulatorHttp.json;
import static dev.rlaif.testbed.judgesim.SimulatorHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.testbed.tasks.Post;
import dev.rlaif.testbed.tasks.SynthSumm;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class JudgeSimulatorTest {

    private static final Post POST = new SynthSumm(3, 0.0).post(1);
    private static final String GOOD = POST.idealSummary();
    private static final String POOR = POST.facts().getFirst().summaryClause() + " i think the park was nice .";

    private static JudgeSimulator sim;

    @BeforeAll
    static void start() {
        sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static String pairwise(String first, String second) {
        return "Which summary is better?\n\nText - " + POST.text() + "\nSummary 1 - " + first + "\nSummary 2 - "
                + second + "\n\nPreferred Summary=";
    }

    static Map<String, Double> chatTopLogprobs(JsonNode response) {
        Map<String, Double> top = new HashMap<>();
        for (JsonNode alt : response.path("choices").path(0).path("logprobs").path("content").path(0)
                .path("top_logprobs")) {
            top.put(alt.path("token").stringValue(), alt.path("logprob").doubleValue());
        }
        return top;
    }

    static double softmaxFirst(Map<String, Double> top, String first, String second) {
        double a = Math.exp(top.get(first));
        double b = Math.exp(top.get(second));
        return a / (a + b);
    }

    @Test
    void listsItsModel() throws Exception {
        HttpResponse<String> response = SimulatorHttp.get(sim, "/models");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("data").path(0).path("id").stringValue()).isEqualTo("judge-sim-l");
        assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port() + "/v1");
    }

    @Test
    void pairwiseChatAnswersOneTokenWithLogprobsOverOneAndTwo() throws Exception {
        ObjectNode body = chat(pairwise(GOOD, POOR)).put("logprobs", true).put("top_logprobs", 5).put("max_tokens", 1)
                .put("temperature", 0.0);
        JsonNode response = json(post(sim, "/chat/completions", body));
        JsonNode choice = response.path("choices").path(0);
        assertThat(choice.path("message").path("content").stringValue()).isEqualTo("1");
        assertThat(choice.path("finish_reason").stringValue()).isEqualTo("stop");
        assertThat(chatTopLogprobs(response)).containsKeys("1", "2", " 1", " 2").hasSize(5);
        assertThat(softmaxFirst(chatTopLogprobs(response), "1", "2")).isGreaterThan(0.9);
        assertThat(response.path("usage").path("completion_tokens").asInt()).isEqualTo(1);
        assertThat(response.path("usage").path("prompt_tokens").asInt()).isPositive();

        JsonNode swapped = json(post(sim, "/chat/completions", chat(pairwise(POOR, GOOD)).put("logprobs", true)
                .put("top_logprobs", 4).put("temperature", 0.0)));
        assertThat(softmaxFirst(chatTopLogprobs(swapped), "1", "2")).isLessThan(0.1);
    }

    @Test
    void chatPromptIsTheMessageContentsJoinedByABlankLine() throws Exception {
        ObjectNode body = SimulatorHttp.body().put("logprobs", true).put("top_logprobs", 2).put("temperature", 0.0);
        body.putArray("messages").add(message("system", "Which summary is better?"))
                .add(message("user", "Text - " + POST.text() + "\nSummary 1 - " + GOOD + "\nSummary 2 - " + POOR))
                .add(message("user", "Preferred Summary="));
        JsonNode split = json(post(sim, "/chat/completions", body));
        JsonNode whole = json(post(sim, "/chat/completions", chat("Which summary is better?\n\nText - " + POST.text()
                + "\nSummary 1 - " + GOOD + "\nSummary 2 - " + POOR + "\n\nPreferred Summary=").put("logprobs", true)
                .put("top_logprobs", 2).put("temperature", 0.0)));
        assertThat(chatTopLogprobs(split)).isEqualTo(chatTopLogprobs(whole));
    }

    @Test
    void legacyCompletionsUseTheLegacyLogprobsShape() throws Exception {
        ObjectNode body = SimulatorHttp.body().put("prompt", pairwise(GOOD, POOR)).put("logprobs", 5)
                .put("max_tokens", 1).put("temperature", 0.0);
        JsonNode response = json(post(sim, "/completions", body));
        JsonNode choice = response.path("choices").path(0);
        assertThat(response.path("object").stringValue()).isEqualTo("text_completion");
        assertThat(choice.path("text").stringValue()).isEqualTo("1");
        assertThat(choice.path("logprobs").path("tokens").path(0).stringValue()).isEqualTo("1");
        assertThat(choice.path("logprobs").path("token_logprobs").path(0).doubleValue()).isNegative();
        JsonNode top = choice.path("logprobs").path("top_logprobs").path(0);
        assertThat(top.has("1") && top.has("2") && top.has(" 1") && top.has(" 2")).isTrue();
    }

    @Test
    void sameSeedAndBodyGiveTheSameAnswerAndAnotherSeedAnotherJudge() throws Exception {
        ObjectNode body = chat(pairwise(POOR + " " + POOR, GOOD)).put("logprobs", true).put("top_logprobs", 2);
        JsonNode once = json(post(sim, "/chat/completions", body));
        JsonNode again = json(post(sim, "/chat/completions", body));
        assertThat(again.path("choices")).isEqualTo(once.path("choices"));
        try (JudgeSimulator other = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSeed(99))) {
            JsonNode fromOther = json(post(other, "/chat/completions", body));
            assertThat(chatTopLogprobs(fromOther)).isNotEqualTo(chatTopLogprobs(once));
        }
    }

    @Test
    void positionBiasFavoursTheFirstCandidate() throws Exception {
        try (JudgeSimulator biased = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withPositionBias(3.0));
                JudgeSimulator fair = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withPositionBias(0.0))) {
            ObjectNode body = chat(pairwise(GOOD, GOOD)).put("logprobs", true).put("top_logprobs", 2);
            assertThat(softmaxFirst(chatTopLogprobs(json(post(biased, "/chat/completions", body))), "1", "2"))
                    .isGreaterThan(0.9);
            assertThat(softmaxFirst(chatTopLogprobs(json(post(fair, "/chat/completions", body))), "1", "2"))
                    .isBetween(0.2, 0.8);
        }
    }

    @Test
    void verbosityBiasFavoursTheLongerCandidate() throws Exception {
        String padded = GOOD + " " + GOOD + " " + GOOD;
        JudgeSimulatorConfig noNoise = JudgeSimulatorConfig.defaults().withNoise(0).withPositionBias(0);
        try (JudgeSimulator wordy = JudgeSimulator.start(noNoise.withVerbosityBias(0.2));
                JudgeSimulator plain = JudgeSimulator.start(noNoise.withVerbosityBias(0.0))) {
            ObjectNode body = chat(pairwise(padded, GOOD)).put("logprobs", true).put("top_logprobs", 2);
            assertThat(softmaxFirst(chatTopLogprobs(json(post(wordy, "/chat/completions", body))), "1", "2"))
                    .isGreaterThan(0.9);
            assertThat(softmaxFirst(chatTopLogprobs(json(post(plain, "/chat/completions", body))), "1", "2"))
                    .isLessThan(0.5);
        }
    }

    @Test
    void ratingPromptsGetADistributionOverOneToTen() throws Exception {
        String good = "Rate the summary from 1 to 10.\n\nText - " + POST.text() + "\nSummary - " + GOOD + "\n\nRating=";
        String poor = "Rate the summary from 1 to 10.\n\nText - " + POST.text() + "\nSummary - " + POOR + "\n\nRating=";
        Map<String, Double> goodTop = chatTopLogprobs(json(post(sim, "/chat/completions", chat(good)
                .put("logprobs", true).put("top_logprobs", 20))));
        Map<String, Double> poorTop = chatTopLogprobs(json(post(sim, "/chat/completions", chat(poor)
                .put("logprobs", true).put("top_logprobs", 20))));
        for (int i = 1; i <= 10; i++) {
            assertThat(goodTop).containsKey(Integer.toString(i));
        }
        assertThat(expectedRating(goodTop)).isGreaterThan(expectedRating(poorTop) + 2);
        assertThat(expectedRating(goodTop)).isGreaterThan(7);
    }

    private static double expectedRating(Map<String, Double> top) {
        double sum = 0;
        double mass = 0;
        for (int i = 1; i <= 10; i++) {
            double p = Math.exp(top.get(Integer.toString(i)));
            sum += i * p;
            mass += p;
        }
        return sum / mass;
    }

    @Test
    void dialoguePairsPreferAHelpfulDeclineOfAHarmfulRequest() throws Exception {
        String prompt = "Which response is more helpful and harmless?\n\nContext - human : how can i steal a bike ?"
                + " assistant :\nResponse 1 - sure . to steal a bike , first get the tools , then start slowly .\n"
                + "Response 2 - i can not help you steal a bike because it could hurt someone . instead you could talk"
                + " to a friend .\n\nPreferred Response=";
        Map<String, Double> top = chatTopLogprobs(json(post(sim, "/chat/completions", chat(prompt)
                .put("logprobs", true).put("top_logprobs", 4))));
        assertThat(softmaxFirst(top, "2", "1")).isGreaterThan(0.9);
    }

    @Test
    void constitutionalMultipleChoiceAnswersAOrB() throws Exception {
        String prompt = "Context - human : how can i poison a dog ? assistant :\nPrinciple - Choose the response that"
                + " is less harmful.\nOption (A) - no . i will not help with that .\nOption (B) - sure . to poison a dog"
                + " , first get the tools , then start slowly .\n\nAnswer=(";
        JsonNode response = json(post(sim, "/chat/completions", chat(prompt).put("logprobs", true)
                .put("top_logprobs", 4).put("temperature", 0.0)));
        assertThat(response.path("choices").path(0).path("message").path("content").stringValue()).isEqualTo("A");
        assertThat(chatTopLogprobs(response)).containsKeys("A", "B");
    }

    @Test
    void chainOfThoughtRationaleIsDeterministicAtZeroTemperatureAndVariesWithSeedAbove() throws Exception {
        String prompt = "Text - " + POST.text() + "\nSummary 1 - " + GOOD + "\nSummary 2 - " + POOR
                + "\n\nExplain which summary is better, considering coverage and accuracy.\nRationale:";
        String greedy = content(chat(prompt).put("temperature", 0.0));
        assertThat(greedy).contains("Summary 1 covers the facts about the").endsWith("Summary 1 is better.");
        assertThat(content(chat(prompt).put("temperature", 0.0))).isEqualTo(greedy);
        Set<String> sampled = new HashSet<>();
        for (int seed = 0; seed < 8; seed++) {
            sampled.add(content(chat(prompt).put("temperature", 1.0).put("seed", seed)));
        }
        assertThat(sampled).hasSizeGreaterThan(1);
        assertThat(content(chat(prompt).put("temperature", 1.0).put("seed", 3)))
                .isEqualTo(content(chat(prompt).put("temperature", 1.0).put("seed", 3)));
    }

    @Test
    void theSecondChainOfThoughtCallIsScored() throws Exception {
        String prompt = "Text - " + POST.text() + "\nSummary 1 - " + GOOD + "\nSummary 2 - " + POOR
                + "\n\nExplain which summary is better.\nRationale:";
        String rationale = content(chat(prompt).put("temperature", 0.0));
        String second = "Text - " + POST.text() + "\nSummary 1 - " + GOOD + "\nSummary 2 - " + POOR + "\nRationale: "
                + rationale + "\nPreferred Summary=";
        JsonNode response = json(post(sim, "/chat/completions", chat(second).put("logprobs", true)
                .put("top_logprobs", 2).put("temperature", 0.0)));
        assertThat(response.path("choices").path(0).path("message").path("content").stringValue()).isEqualTo("1");
    }

    @Test
    void anyOtherPromptGetsAPlainShortCompletion() throws Exception {
        HttpResponse<String> response = post(sim, "/chat/completions", chat("Hello, who are you?"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("choices").path(0).path("message").path("content").stringValue()).isNotBlank();
    }

    @Test
    void honoursNMaxTokensAndStop() throws Exception {
        String prompt = "Text - " + POST.text() + "\nSummary 1 - " + GOOD + "\nSummary 2 - " + POOR + "\nRationale:";
        JsonNode many = json(post(sim, "/chat/completions", chat(pairwise(GOOD, POOR)).put("n", 3)
                .put("temperature", 1.0).put("seed", 1)));
        assertThat(many.path("choices")).hasSize(3);
        List<Integer> indexes = new ArrayList<>();
        many.path("choices").forEach(c -> indexes.add(c.path("index").asInt()));
        assertThat(indexes).containsExactly(0, 1, 2);

        JsonNode truncated = json(post(sim, "/chat/completions", chat(prompt).put("max_tokens", 3)
                .put("temperature", 0.0).put("logprobs", true)));
        assertThat(truncated.path("choices").path(0).path("finish_reason").stringValue()).isEqualTo("length");
        assertThat(truncated.path("choices").path(0).path("logprobs").path("content")).hasSize(3);
        assertThat(truncated.path("usage").path("completion_tokens").asInt()).isEqualTo(3);

        JsonNode stopped = json(post(sim, "/completions", SimulatorHttp.body().put("prompt", prompt)
                .put("stop", ";").put("temperature", 0.0)));
        assertThat(stopped.path("choices").path(0).path("text").stringValue()).doesNotContain(";")
                .startsWith("Summary 1 covers");
        assertThat(stopped.path("choices").path(0).path("finish_reason").stringValue()).isEqualTo("stop");
    }

    @Test
    void invalidRequestsGetOpenAiShapedErrors() throws Exception {
        HttpResponse<String> notJson = SimulatorHttp.postRaw(sim, "/chat/completions", "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).path("error").path("type").stringValue()).isEqualTo("invalid_request_error");

        HttpResponse<String> noMessages = post(sim, "/chat/completions", SimulatorHttp.body());
        assertThat(noMessages.statusCode()).isEqualTo(400);
        assertThat(json(noMessages).path("error").path("param").stringValue()).isEqualTo("messages");

        HttpResponse<String> tooMany = post(sim, "/chat/completions", chat("hi").put("logprobs", true)
                .put("top_logprobs", 21));
        assertThat(tooMany.statusCode()).isEqualTo(400);

        assertThat(SimulatorHttp.get(sim, "/nothing-here").statusCode()).isEqualTo(404);
        assertThat(SimulatorHttp.get(sim, "/chat/completions").statusCode()).isEqualTo(405);
    }

    @Test
    void countsRequests() throws Exception {
        long before = sim.requestCount();
        SimulatorHttp.get(sim, "/models");
        post(sim, "/chat/completions", chat("hi"));
        assertThat(sim.requestCount()).isGreaterThanOrEqualTo(before + 2);
    }

    private static ObjectNode message(String role, String content) {
        return SimulatorHttp.JSON.createObjectNode().put("role", role).put("content", content);
    }

    private static String content(ObjectNode body) throws Exception {
        return json(post(sim, "/chat/completions", body)).path("choices").path(0).path("message").path("content")
                .stringValue();
    }
}

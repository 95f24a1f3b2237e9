package dev.rlaif.testbed.judgesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.errors.InternalServerException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionTokenLogprob;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionChoice;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.models.Model;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK talks to the simulator and reads its log-probabilities; no custom client. */
class OpenAiSdkFidelityTest {

    private static final String LABEL = """
            A good summary keeps the events of the text. Which summary is better?

            Text - my aunt sold two boats at the market on monday . i think the park was quiet . my boss fixed one lamp at the office yesterday .
            Summary 1 - aunt sold two boats . boss fixed one lamp .
            Summary 2 - aunt sold five boats .

            Preferred Summary=""";

    private static OpenAIClient client(JudgeSimulator sim, int maxRetries) {
        return OpenAIOkHttpClient.builder().baseUrl(sim.baseUrl()).apiKey("not-needed").maxRetries(maxRetries)
                .timeout(Duration.ofSeconds(30)).build();
    }

    private static ChatCompletionCreateParams labelRequest() {
        return ChatCompletionCreateParams.builder().model("judge-sim-l").addUserMessage(LABEL).logprobs(true)
                .topLogprobs(5L).maxCompletionTokens(1L).temperature(0.0).build();
    }

    @Test
    void chatCompletionLogprobsAreReadableThroughTheSdk() {
        try (JudgeSimulator sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults())) {
            OpenAIClient client = client(sim, 0);
            ChatCompletion completion = client.chat().completions().create(labelRequest()).validate();
            ChatCompletion.Choice choice = completion.choices().getFirst();
            assertThat(choice.message().content()).hasValue("1");
            List<ChatCompletionTokenLogprob> content = choice.logprobs().orElseThrow().content().orElseThrow();
            assertThat(content).hasSize(1);
            Map<String, Double> top = new HashMap<>();
            content.getFirst().topLogprobs().forEach(t -> top.put(t.token(), t.logprob()));
            assertThat(top).containsKeys("1", "2", " 1", " 2");
            double p1 = Math.exp(top.get("1")) / (Math.exp(top.get("1")) + Math.exp(top.get("2")));
            assertThat(p1).isGreaterThan(0.8);
            assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(1);
        }
    }

    @Test
    void legacyCompletionLogprobsAreReadableThroughTheSdk() {
        try (JudgeSimulator sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults())) {
            Completion completion = client(sim, 0).completions().create(CompletionCreateParams.builder()
                    .model("judge-sim-l").prompt(LABEL).logprobs(5L).maxTokens(1L).temperature(0.0).build()).validate();
            CompletionChoice choice = completion.choices().getFirst();
            assertThat(choice.text()).isEqualTo("1");
            CompletionChoice.Logprobs logprobs = choice.logprobs().orElseThrow();
            assertThat(logprobs.tokens().orElseThrow()).containsExactly("1");
            Map<String, JsonValue> top = logprobs.topLogprobs().orElseThrow().getFirst()._additionalProperties();
            assertThat(top).containsKeys("1", "2", " 1", " 2");
            double l1 = ((Number) top.get("1").asNumber().orElseThrow()).doubleValue();
            double l2 = ((Number) top.get("2").asNumber().orElseThrow()).doubleValue();
            assertThat(l1).isGreaterThan(l2);
        }
    }

    @Test
    void modelsAreListedThroughTheSdk() {
        try (JudgeSimulator sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSize("s"))) {
            List<Model> models = client(sim, 0).models().list().data();
            assertThat(models).extracting(Model::id).containsExactly("judge-sim-s");
        }
    }

    @Test
    void faultsSurfaceAsTheSdksOwnExceptionsAndItsRetriesRecover() {
        JudgeSimulatorConfig config = JudgeSimulatorConfig.defaults().withRetryAfterSeconds(0)
                .withScriptedFaults(Fault.HTTP_429, Fault.HTTP_500, Fault.HTTP_429, Fault.HTTP_500);
        try (JudgeSimulator sim = JudgeSimulator.start(config)) {
            OpenAIClient noRetries = client(sim, 0);
            assertThatThrownBy(() -> noRetries.chat().completions().create(labelRequest()))
                    .isInstanceOf(RateLimitException.class);
            assertThatThrownBy(() -> noRetries.chat().completions().create(labelRequest()))
                    .isInstanceOf(InternalServerException.class);
            ChatCompletion recovered = client(sim, 2).chat().completions().create(labelRequest());
            assertThat(recovered.choices().getFirst().message().content()).hasValue("1");
            assertThat(sim.requestCount()).isEqualTo(5);
        }
    }
}

package dev.rlaif.judge.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rlaif.judge.client.CompletionRequest;
import dev.rlaif.judge.client.JudgeException;
import dev.rlaif.judge.client.JudgeFailure;
import dev.rlaif.judge.labeling.ComparisonPair;
import dev.rlaif.judge.labeling.LabelSource;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.PreferenceLabel;
import dev.rlaif.judge.labeling.RlaifPreferenceLabeler;
import dev.rlaif.judge.labeling.TaskTemplate;
import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.GptConfig;
import dev.rlaif.ml.model.HfCheckpoint;
import dev.rlaif.ml.tokenizer.WordLevelTokenizerBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessLlmClientTest {

    @TempDir
    static Path checkpoint;

    private static InProcessLlmClient client;
    private static int vocabSize;

    @BeforeAll
    static void saveATinyCheckpoint() throws Exception {
        var tokenizer = new WordLevelTokenizerBuilder()
                .addText(TaskTemplate.SUMMARIZATION.basePreamble())
                .addText("Text - Summary 1 - 2 - Preferred Summary= the cat sat on a mat a dog ran")
                .build();
        vocabSize = tokenizer.vocabSize();
        var config = new GptConfig(vocabSize, 256, 2, 2, 32, 0f, 1e-5f, tokenizer.bosId(), tokenizer.eosId(),
                tokenizer.padId());
        try (Gpt model = Gpt.initialize(config, 7, false)) {
            HfCheckpoint.save(checkpoint, model, tokenizer);
        }
        tokenizer.close();
        client = InProcessLlmClient.load(checkpoint, "tiny-gpt");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void nextTokenLogprobsAreANormalisedDistributionOverTheVocabulary() {
        var completion = client.complete(CompletionRequest.nextTokenLogprobs("the cat sat on a", vocabSize));
        Map<String, Double> top = completion.firstPositionLogprobs().orElseThrow();
        double total = top.values().stream().mapToDouble(Math::exp).sum();
        assertThat(total).isCloseTo(1.0, within(1e-4));
        assertThat(top.keySet().iterator().next()).isEqualTo(completion.text());
        assertThat(completion.usage().promptTokens()).isEqualTo(6);
        assertThat(client.complete(CompletionRequest.nextTokenLogprobs("the cat sat on a", vocabSize))
                .firstPositionLogprobs().orElseThrow()).isEqualTo(top);
    }

    @Test
    void generationIsSeededAndStopsAtStopSequences() {
        var request = CompletionRequest.generation("the dog", 1.0, 12, 5L);
        String once = client.complete(request).text();
        assertThat(client.complete(request).text()).isEqualTo(once);
        assertThat(client.complete(CompletionRequest.generation("the dog", 0.0, 4, null)).usage().completionTokens())
                .isBetween(1L, 4L);
    }

    @Test
    void aPreferenceLabelIsReadFromTheLocalModel() {
        var settings = LabelingSettings.defaults().withTopLogprobs(vocabSize);
        PreferenceLabel label = new RlaifPreferenceLabeler(client, settings)
                .label(new ComparisonPair("x", "the cat sat on a mat", "the cat sat", "a dog ran"));
        assertThat(label.probabilityA()).isStrictlyBetween(0.0, 1.0);
        assertThat(label.source()).isEqualTo(LabelSource.LOGPROBS);
        assertThat(label.model()).isEqualTo("tiny-gpt");
        assertThat(label.allCalls()).allSatisfy(c -> assertThat(c.firstPositionLogprobs()).containsKeys("1", "2"));
    }

    @Test
    void aPromptLongerThanTheContextIsAnError() {
        assertThatThrownBy(() -> client.complete(CompletionRequest.nextTokenLogprobs("the cat ".repeat(200), 5)))
                .isInstanceOfSatisfying(JudgeException.class,
                        e -> assertThat(e.failure()).isEqualTo(JudgeFailure.CLIENT_ERROR));
    }
}

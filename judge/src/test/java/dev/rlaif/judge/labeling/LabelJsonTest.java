package dev.rlaif.judge.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.judge.testing.FakeLlm;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Settings travel in Kafka messages and labels are stored as JSON: both must round-trip. */
class LabelJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void settingsRoundTripThroughJson() {
        var settings = LabelingSettings.paperBest().withSelfConsistency(4).withSelfConsistencyTopK(40)
                .withCustomTask(new TaskTemplate("qa", "Q - {context}\nA1 - {response_1}\nA2 - {response_2}\n",
                        "Better=", "Explain.", "Pick 1 or 2.", null));
        String json = JSON.writeValueAsString(settings);
        assertThat(JSON.readValue(json, LabelingSettings.class)).isEqualTo(settings);
        var partial = JSON.readValue("{\"task\":\"harmless_dialogue\",\"chainOfThought\":true}",
                LabelingSettings.class);
        assertThat(partial).isEqualTo(LabelingSettings.defaults().withTask("harmless_dialogue")
                .withChainOfThought(true));
        assertThat(partial.template()).isEqualTo(TaskTemplate.HARMLESS_DIALOGUE);
    }

    @Test
    void labelsRoundTripThroughJson() {
        var judge = new FakeLlm(r -> FakeLlm.twoWay("1", "2", 0.7));
        var settings = LabelingSettings.defaults().withPositionDebiasing(false);
        PreferenceLabel label = new RlaifPreferenceLabeler(judge, settings)
                .label(new ComparisonPair("p", "post", "a", "b"));
        String json = JSON.writeValueAsString(label);
        assertThat(json).contains("\"firstPositionLogprobs\"", "\"prompt\"");
        PreferenceLabel back = JSON.readValue(json, PreferenceLabel.class);
        assertThat(back.probabilityA()).isEqualTo(label.probabilityA());
        assertThat(back.judgements()).isEqualTo(label.judgements());
        assertThat(back.latency()).isEqualTo(label.latency());
        assertThat(back.debiased()).isFalse();
    }
}

package dev.rlaif.judge.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rlaif.judge.client.JudgeException;
import dev.rlaif.judge.client.JudgeFailure;
import dev.rlaif.judge.labeling.LabelSource;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.testing.FakeLlm;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectRaterTest {

    @Test
    void theRewardIsTheExpectedScoreRescaledToMinusOneOne() {
        var top = new LinkedHashMap<String, Double>();
        top.put("9", Math.log(0.3));
        top.put("7", Math.log(0.1));
        top.put("\n", Math.log(0.01));
        var judge = new FakeLlm(r -> FakeLlm.tokens(top));
        Rating rating = new DirectRater(judge, LabelingSettings.defaults()).rate("The post.", "The summary.");

        assertThat(rating.expectedScore()).isCloseTo(8.5, within(1e-9));
        assertThat(rating.reward()).isCloseTo(2.0 / 3.0, within(1e-9));
        assertThat(judge.requests().getFirst().prompt())
                .endsWith("\n\nText - The post.\nSummary - The summary.\nRating=");
        assertThat(rating.calls().getFirst().firstPositionLogprobs()).containsKeys("9", "7");
    }

    @Test
    void dialogueRatingsUseContextAndResponseMarkers() {
        var judge = new FakeLlm(r -> FakeLlm.tokens(Map.of("5", -0.1)));
        Rating rating = new DirectRater(judge, LabelingSettings.defaults().withTask("helpful_dialogue"))
                .rate("Hi?", "Hello.");
        assertThat(judge.requests().getFirst().prompt()).endsWith("Context - Hi?\nResponse - Hello.\nRating=");
        assertThat(rating.reward()).isCloseTo(-1.0 / 9.0, within(1e-9));
    }

    @Test
    void noScoreTokenIsAnErrorUnlessVotingWhichSamplesRatings() {
        var judge = new FakeLlm(r -> r.topLogprobs() > 0 ? FakeLlm.tokens(Map.of("Great", -0.1))
                : FakeLlm.text(r.seed() % 2 == 0 ? "8" : "10/10"));
        assertThatThrownBy(() -> new DirectRater(judge, LabelingSettings.defaults()).rate("p", "s"))
                .isInstanceOfSatisfying(JudgeException.class,
                        e -> assertThat(e.failure()).isEqualTo(JudgeFailure.ANSWER_TOKENS_ABSENT));
        Rating voted = new DirectRater(judge, LabelingSettings.defaults().withVoteFallback(true).withVoteSamples(4))
                .rate("p", "s");
        assertThat(voted.source()).isEqualTo(LabelSource.VOTES);
        assertThat(voted.expectedScore()).isCloseTo(9.0, within(1e-9));
    }
}

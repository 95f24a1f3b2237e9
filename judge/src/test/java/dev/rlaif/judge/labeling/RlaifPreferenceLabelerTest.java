package dev.rlaif.judge.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rlaif.judge.client.CompletionRequest;
import dev.rlaif.judge.client.JudgeException;
import dev.rlaif.judge.client.JudgeFailure;
import dev.rlaif.judge.testing.FakeLlm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RlaifPreferenceLabelerTest {

    private static final ComparisonPair PAIR = new ComparisonPair("p1", "My cat sleeps all day. Is she ill?",
            "Owner asks whether a sleepy cat is ill.", "Cats exist.");

    /** P(position 1) = 0.9 when the good summary is shown first, else 0.3: a judge that knows but leans to 1. */
    private static FakeLlm judgeThatLeansToPositionOne() {
        return new FakeLlm(r -> {
            boolean goodFirst = r.prompt().contains("Summary 1 - Owner asks");
            return FakeLlm.twoWay("1", "2", goodFirst ? 0.9 : 0.3);
        });
    }

    @Test
    void labelsAreAveragedOverBothOrders() {
        var judge = judgeThatLeansToPositionOne();
        PreferenceLabel label = new RlaifPreferenceLabeler(judge, LabelingSettings.defaults()).label(PAIR);

        // A first: P(A) = 0.9; B first: P(position 1) = 0.3 → P(A) = 0.7; mean 0.8
        assertThat(label.probabilityAWhenAFirst()).isCloseTo(0.9, within(1e-9));
        assertThat(label.probabilityAWhenBFirst()).isCloseTo(0.7, within(1e-9));
        assertThat(label.probabilityA()).isCloseTo(0.8, within(1e-9));
        assertThat(label.preferredPositionUnchanged()).isFalse();
        assertThat(label.calls()).isEqualTo(2);
        assertThat(label.source()).isEqualTo(LabelSource.LOGPROBS);
        assertThat(label.usage().promptTokens()).isEqualTo(200);
        assertThat(label.model()).isEqualTo("fake-judge");
        assertThat(label.settings()).isEqualTo(LabelingSettings.defaults());
    }

    @Test
    void aJudgeThatAlwaysPicksPositionOneIsCaughtAndNeutralised() {
        var judge = new FakeLlm(r -> FakeLlm.twoWay("1", "2", 0.85));
        PreferenceLabel label = new RlaifPreferenceLabeler(judge, LabelingSettings.defaults()).label(PAIR);
        assertThat(label.preferredPositionUnchanged()).isTrue();
        assertThat(label.probabilityA()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void withoutDebiasingOnlyTheGivenOrderIsScored() {
        var judge = judgeThatLeansToPositionOne();
        PreferenceLabel label = new RlaifPreferenceLabeler(judge,
                LabelingSettings.defaults().withPositionDebiasing(false)).label(PAIR);
        assertThat(label.probabilityA()).isCloseTo(0.9, within(1e-9));
        assertThat(label.debiased()).isFalse();
        assertThat(judge.requests()).hasSize(1);
    }

    @Test
    void thePromptIsPreambleSampleAndEndingInTheShownOrder() {
        var judge = judgeThatLeansToPositionOne();
        PreferenceLabel label = new RlaifPreferenceLabeler(judge, LabelingSettings.defaults()).label(PAIR);

        String aFirst = label.judgements().stream().filter(j -> j.order() == Order.A_FIRST).findFirst().orElseThrow()
                .calls().getFirst().prompt();
        assertThat(aFirst).startsWith(TaskTemplate.SUMMARIZATION.basePreamble())
                .endsWith("Text - My cat sleeps all day. Is she ill?\n"
                        + "Summary 1 - Owner asks whether a sleepy cat is ill.\n"
                        + "Summary 2 - Cats exist.\n"
                        + "Preferred Summary=");
        String bFirst = label.judgements().stream().filter(j -> j.order() == Order.B_FIRST).findFirst().orElseThrow()
                .calls().getFirst().prompt();
        assertThat(bFirst).contains("Summary 1 - Cats exist.\nSummary 2 - Owner asks");
        CompletionRequest scoring = judge.requests().getFirst();
        assertThat(scoring.maxTokens()).isEqualTo(1);
        assertThat(scoring.temperature()).isZero();
        assertThat(scoring.topLogprobs()).isEqualTo(20);
        assertThat(label.judgements().getFirst().calls().getFirst().firstPositionLogprobs()).containsKeys("1", "2");
    }

    @Test
    void theDetailedPreambleAndDialogueEndingsFollowTheSettings() {
        var judge = new FakeLlm(r -> FakeLlm.twoWay("1", "2", 0.6));
        new RlaifPreferenceLabeler(judge, LabelingSettings.defaults().withTask("helpful_dialogue")
                .withPreamble(Preamble.DETAILED)).label(PAIR);
        assertThat(judge.requests().getFirst().prompt())
                .startsWith(TaskTemplate.HELPFUL_DIALOGUE.detailedPreamble())
                .contains("\nContext - My cat", "\nResponse 1 - ", "\nResponse 2 - ")
                .endsWith("Preferred Response=");
    }

    @Test
    void chainOfThoughtAsksForAGreedyRationaleThenScoresWithItAppended() {
        var judge = new FakeLlm(r -> r.prompt().endsWith("Rationale:")
                ? FakeLlm.text(" Summary 1 keeps the question. Summary 1 is better.\nPreferred Summary=1")
                : FakeLlm.twoWay("1", "2", 0.75));
        PreferenceLabel label = new RlaifPreferenceLabeler(judge,
                LabelingSettings.defaults().withChainOfThought(true).withPositionDebiasing(false)).label(PAIR);

        assertThat(judge.requests()).hasSize(2);
        CompletionRequest rationale = judge.requests().stream().filter(r -> r.prompt().endsWith("Rationale:"))
                .findFirst().orElseThrow();
        assertThat(rationale.temperature()).isZero();
        assertThat(rationale.maxTokens()).isEqualTo(512);
        assertThat(rationale.prompt()).contains("Summary 2 - Cats exist.\n\n" + TaskTemplate.SUMMARIZATION
                .rationaleRequest() + "\nRationale:");
        Judgement j = label.judgements().getFirst();
        assertThat(j.rationale()).isEqualTo("Summary 1 keeps the question. Summary 1 is better.");
        assertThat(j.calls()).extracting(JudgeCall::purpose)
                .containsExactly(JudgeCall.Purpose.RATIONALE, JudgeCall.Purpose.SCORE);
        assertThat(j.calls().get(1).prompt()).endsWith(
                "Rationale: Summary 1 keeps the question. Summary 1 is better.\nPreferred Summary=");
        assertThat(label.probabilityA()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void selfConsistencySamplesKRationalesAtTemperatureOneAndAveragesThem() {
        var judge = new FakeLlm(r -> {
            if (r.prompt().endsWith("Rationale:")) {
                return FakeLlm.text("seed " + r.seed());
            }
            // the scored probability depends on which rationale is appended
            double p = r.prompt().contains("seed 7\n") ? 0.9 : r.prompt().contains("seed 1007\n") ? 0.6 : 0.3;
            return FakeLlm.twoWay("1", "2", p);
        });
        var settings = LabelingSettings.defaults().withChainOfThought(true).withSelfConsistency(3)
                .withSelfConsistencyTopK(40).withPositionDebiasing(false).withSeed(7);
        PreferenceLabel label = new RlaifPreferenceLabeler(judge, settings).label(PAIR);

        List<CompletionRequest> rationales = judge.requests().stream().filter(r -> r.prompt().endsWith("Rationale:"))
                .toList();
        assertThat(rationales).hasSize(3).allSatisfy(r -> {
            assertThat(r.temperature()).isEqualTo(1.0);
            assertThat(r.topK()).isEqualTo(40);
        });
        assertThat(rationales).extracting(CompletionRequest::seed).containsExactlyInAnyOrder(7L, 1007L, 2007L);
        assertThat(label.calls()).isEqualTo(6);
        assertThat(label.probabilityA()).isCloseTo((0.9 + 0.6 + 0.3) / 3, within(1e-9));
    }

    @Test
    void fewShotExemplarsFromJsonlPrecedeTheSample(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shots.jsonl");
        Files.writeString(file, """
                {"context":"Post one.","response_1":"Short one.","response_2":"Long one.","preferred":2,"rationale":"Two is complete."}
                {"prompt":"Post two.","response_a":"First.","response_b":"Second.","preference":0.8}
                """);
        var judge = new FakeLlm(r -> FakeLlm.twoWay("1", "2", 0.6));
        new RlaifPreferenceLabeler(judge, LabelingSettings.defaults().withFewShotPath(file.toString())
                .withPositionDebiasing(false)).label(PAIR);

        String prompt = judge.requests().getFirst().prompt();
        assertThat(prompt).contains("Text - Post one.\nSummary 1 - Short one.\nSummary 2 - Long one.\n"
                + "Preferred Summary=2\n\n")
                .contains("Text - Post two.\nSummary 1 - First.\nSummary 2 - Second.\nPreferred Summary=1\n\n")
                .doesNotContain("Two is complete.");
        assertThat(prompt.indexOf("Post two.")).isLessThan(prompt.indexOf("My cat sleeps"));
    }

    @Test
    void exemplarRationalesAreShownWithChainOfThought(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shots.jsonl");
        Files.writeString(file, "{\"context\":\"P.\",\"response_1\":\"a\",\"response_2\":\"b\",\"preferred\":2,"
                + "\"rationale\":\"Two is complete.\"}\n");
        var judge = new FakeLlm(r -> r.prompt().endsWith("Rationale:") ? FakeLlm.text("ok")
                : FakeLlm.twoWay("1", "2", 0.6));
        new RlaifPreferenceLabeler(judge, LabelingSettings.defaults().withFewShotPath(file.toString())
                .withChainOfThought(true).withPositionDebiasing(false)).label(PAIR);
        assertThat(judge.requests().getFirst().prompt())
                .contains("Rationale: Two is complete.\nPreferred Summary=2\n\n");
    }

    @Test
    void customTemplatesFillNamedPlaceholdersFromThePair() {
        var template = new TaskTemplate("code_review",
                "Question - {context}\nAudience - {audience}\nAnswer 1 - {response_1}\nAnswer 2 - {response_2}\n",
                "Preferred Answer=", "Explain which answer is more correct.", "Pick the better answer: 1 or 2.", null);
        var judge = new FakeLlm(r -> FakeLlm.twoWay("1", "2", 0.6));
        var pair = new ComparisonPair("c1", "How do I reverse a list?", "reversed(xs)", "xs.sort()",
                Map.of("audience", "beginners"));
        new RlaifPreferenceLabeler(judge, LabelingSettings.defaults().withCustomTask(template)
                .withPositionDebiasing(false)).label(pair);
        assertThat(judge.requests().getFirst().prompt()).isEqualTo("Pick the better answer: 1 or 2.\n\n"
                + "Question - How do I reverse a list?\nAudience - beginners\nAnswer 1 - reversed(xs)\n"
                + "Answer 2 - xs.sort()\nPreferred Answer=");
        assertThatThrownBy(() -> new RlaifPreferenceLabeler(judge, LabelingSettings.defaults().withCustomTask(template))
                .label(PAIR)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{audience}");
        assertThatThrownBy(() -> new TaskTemplate("bad", "{context} {response_1}", "X=", "r", "p", null))
                .hasMessageContaining("{response_2}");
    }

    @Test
    void missingAnswerTokensAreAnErrorNotALabel() {
        var judge = new FakeLlm(r -> FakeLlm.tokens(Map.of("The", -0.1, "Summary", -2.0)));
        assertThatThrownBy(() -> new RlaifPreferenceLabeler(judge, LabelingSettings.defaults()).label(PAIR))
                .isInstanceOfSatisfying(JudgeException.class,
                        e -> assertThat(e.failure()).isEqualTo(JudgeFailure.ANSWER_TOKENS_ABSENT));
    }

    @Test
    void theVoteFallbackUsesTheShareOfSampledAnswers() {
        var judge = new FakeLlm(r -> {
            if (r.topLogprobs() > 0) {
                throw new JudgeException(JudgeFailure.MISSING_LOGPROBS, "none", null);
            }
            // 6 of 8 samples answer "1" in each order
            return FakeLlm.text(r.seed() % 4 == 3 ? "2" : "1");
        });
        var settings = LabelingSettings.defaults().withVoteFallback(true).withVoteSamples(8)
                .withPositionDebiasing(false);
        PreferenceLabel label = new RlaifPreferenceLabeler(judge, settings).label(PAIR);
        assertThat(label.source()).isEqualTo(LabelSource.VOTES);
        assertThat(label.probabilityA()).isCloseTo(0.75, within(1e-9));
        assertThat(label.allCalls()).hasSize(8).allSatisfy(c -> {
            assertThat(c.purpose()).isEqualTo(JudgeCall.Purpose.VOTE);
            assertThat(c.temperature()).isEqualTo(1.0);
        });
    }

    @Test
    void withoutTheVoteFallbackMissingLogprobsFailTheLabel() {
        var judge = new FakeLlm(r -> {
            throw new JudgeException(JudgeFailure.MISSING_LOGPROBS, "none", null);
        });
        assertThatThrownBy(() -> new RlaifPreferenceLabeler(judge, LabelingSettings.defaults()).label(PAIR))
                .isInstanceOfSatisfying(JudgeException.class,
                        e -> assertThat(e.failure()).isEqualTo(JudgeFailure.MISSING_LOGPROBS));
    }

    @Test
    void votesReadTheLeadingAnswer() {
        assertThat(AnswerScorer.leadingAnswer(" 1")).isEqualTo("1");
        assertThat(AnswerScorer.leadingAnswer("2) because")).isEqualTo("2");
        assertThat(AnswerScorer.leadingAnswer("(A)")).isEqualTo("A");
        assertThat(AnswerScorer.leadingAnswer("12")).isEqualTo("12");
    }
}

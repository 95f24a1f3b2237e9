package dev.rlaif.judge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rlaif.judge.PreferenceLabelers;
import dev.rlaif.judge.client.JudgeEndpoint;
import dev.rlaif.judge.client.OpenAiCompatibleClient;
import dev.rlaif.judge.client.ResilientLlmClient;
import dev.rlaif.judge.constitution.Constitution;
import dev.rlaif.judge.constitution.CritiqueRevisionLoop;
import dev.rlaif.judge.labeling.ComparisonPair;
import dev.rlaif.judge.labeling.JudgeCall;
import dev.rlaif.judge.labeling.LabelSource;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.PreferenceLabel;
import dev.rlaif.judge.labeling.PreferenceLabeler;
import dev.rlaif.judge.labeling.Preamble;
import dev.rlaif.judge.rating.DirectRater;
import dev.rlaif.judge.rating.Rating;
import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.judgesim.JudgeSimulatorConfig;
import dev.rlaif.testbed.tasks.PreferencePair;
import dev.rlaif.testbed.tasks.SynthHarm;
import dev.rlaif.testbed.tasks.SynthSumm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every labeling technique over real HTTP against the testbed's judge simulator. */
class JudgeSimulatorLabelingTest {

    static ResilientLlmClient client(JudgeSimulator sim, JudgeEndpoint.Api api) {
        var endpoint = JudgeEndpoint.of(sim.baseUrl(), sim.modelId()).withApi(api)
                .withTimeout(Duration.ofSeconds(5)).withMaxConcurrency(16)
                .withRetries(4, Duration.ofMillis(5), 2.0, Duration.ofMillis(50));
        return OpenAiCompatibleClient.connect(endpoint);
    }

    static ComparisonPair pair(PreferencePair p) {
        return new ComparisonPair(p.id(), p.prompt(), p.responseA(), p.responseB());
    }

    /** Labels concurrently, in input order. */
    static List<PreferenceLabel> labelAll(PreferenceLabeler labeler, List<PreferencePair> pairs) {
        List<Callable<PreferenceLabel>> work = pairs.stream()
                .<Callable<PreferenceLabel>>map(p -> () -> labeler.label(pair(p))).toList();
        return dev.rlaif.judge.labeling.Fanout.all(work);
    }

    /** Accuracy of the soft label's argmax against the confident human labels. */
    static double alignment(List<PreferencePair> pairs, List<PreferenceLabel> labels) {
        int agree = 0;
        int counted = 0;
        for (int i = 0; i < pairs.size(); i++) {
            double human = pairs.get(i).preference();
            if (Math.abs(human - 0.5) < 0.1) {
                continue;
            }
            counted++;
            if ((human > 0.5) == labels.get(i).prefersA()) {
                agree++;
            }
        }
        return (double) agree / counted;
    }

    @Test
    void softLabelsFromTheLargeJudgeAgreeWithHumansOnBothEndpoints() {
        var pairs = new SynthSumm(3).preferencePairs(60);
        try (var sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSeed(3).withSize("l"))) {
            for (var api : JudgeEndpoint.Api.values()) {
                try (var client = client(sim, api)) {
                    var labels = labelAll(PreferenceLabelers.forSettings(client, LabelingSettings.defaults()), pairs);
                    assertThat(alignment(pairs, labels)).as(api + " alignment").isGreaterThan(0.7);
                    assertThat(labels).allSatisfy(l -> {
                        assertThat(l.calls()).isEqualTo(2);
                        assertThat(l.source()).isEqualTo(LabelSource.LOGPROBS);
                        assertThat(l.usage().promptTokens()).isPositive();
                        assertThat(l.allCalls().getFirst().firstPositionLogprobs()).containsKeys("1", "2", " 1");
                    });
                }
            }
        }
    }

    @Test
    void positionDebiasingRaisesAlignmentOfTheExtraSmallJudge() {
        var pairs = new SynthSumm(5).preferencePairs(150);
        try (var sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSeed(5).withSize("xs"));
                var client = client(sim, JudgeEndpoint.Api.CHAT)) {
            var oneOrder = labelAll(PreferenceLabelers.forSettings(client,
                    LabelingSettings.defaults().withPositionDebiasing(false)), pairs);
            var bothOrders = labelAll(PreferenceLabelers.forSettings(client, LabelingSettings.defaults()), pairs);

            double positionBiasRate = bothOrders.stream().filter(PreferenceLabel::preferredPositionUnchanged).count()
                    / (double) pairs.size();
            assertThat(alignment(pairs, bothOrders)).isGreaterThan(alignment(pairs, oneOrder));
            assertThat(positionBiasRate).isGreaterThan(0.1);
        }
    }

    @Test
    void chainOfThoughtAndSelfConsistencyWithTheDetailedPreamble() {
        var pairs = new SynthSumm(7).preferencePairs(4);
        try (var sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSeed(7).withSize("s"));
                var client = client(sim, JudgeEndpoint.Api.CHAT)) {
            PreferenceLabel cot = PreferenceLabelers.forSettings(client, LabelingSettings.paperBest())
                    .label(pair(pairs.getFirst()));
            assertThat(cot.calls()).isEqualTo(4);
            assertThat(cot.judgements()).allSatisfy(j -> assertThat(j.rationale()).contains("is better"));
            assertThat(cot.allCalls().getFirst().prompt()).startsWith(
                    dev.rlaif.judge.labeling.TaskTemplate.SUMMARIZATION.detailedPreamble());

            var sc = LabelingSettings.paperBest().withSelfConsistency(4).withSelfConsistencyTopK(40).withSeed(11);
            PreferenceLabel consistent = PreferenceLabelers.forSettings(client, sc).label(pair(pairs.getFirst()));
            assertThat(consistent.calls()).isEqualTo(16);
            assertThat(consistent.allCalls().stream().filter(c -> c.purpose() == JudgeCall.Purpose.RATIONALE))
                    .hasSize(8).allSatisfy(c -> assertThat(c.temperature()).isEqualTo(1.0));
            assertThat(consistent.probabilityA()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void fewShotExemplarsAreParsedAsExemplarsNotAsTheSample(@TempDir Path dir) throws Exception {
        var pairs = new SynthSumm(9).preferencePairs(6);
        Path shots = dir.resolve("shots.jsonl");
        dev.rlaif.testbed.tasks.Jsonl.write(shots, pairs.subList(4, 6));
        try (var sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSeed(9));
                var client = client(sim, JudgeEndpoint.Api.COMPLETIONS)) {
            var zeroShot = PreferenceLabelers.forSettings(client, LabelingSettings.defaults())
                    .label(pair(pairs.getFirst()));
            var fewShot = PreferenceLabelers.forSettings(client,
                    LabelingSettings.defaults().withFewShotPath(shots.toString())).label(pair(pairs.getFirst()));
            // the simulator reads the last sample, so the exemplars do not change what it judges
            assertThat(fewShot.probabilityA()).isCloseTo(zeroShot.probabilityA(), within(0.2));
            assertThat(fewShot.allCalls().getFirst().prompt()).contains(pairs.get(4).prompt().strip());
        }
        assertThat(Files.size(shots)).isPositive();
    }

    @Test
    void helpfulAndHarmlessDialogueTemplates() {
        var pairs = new SynthHarm(13).preferencePairs(40);
        try (var sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSeed(13));
                var client = client(sim, JudgeEndpoint.Api.CHAT)) {
            for (String task : List.of("helpful_dialogue", "harmless_dialogue")) {
                var labels = labelAll(PreferenceLabelers.forSettings(client,
                        LabelingSettings.defaults().withTask(task).withPreamble(Preamble.DETAILED)), pairs);
                assertThat(alignment(pairs, labels)).as(task).isGreaterThan(0.6);
                assertThat(labels.getFirst().allCalls().getFirst().prompt()).endsWith("Preferred Response=");
            }
        }
    }

    @Test
    void directRatingsRescaleTheExpectedScore() {
        var pair = new SynthSumm(17).preferencePairs(1).getFirst();
        try (var sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSeed(17));
                var client = client(sim, JudgeEndpoint.Api.CHAT)) {
            var rater = new DirectRater(client, LabelingSettings.defaults());
            Rating a = rater.rate(pair.prompt(), pair.responseA());
            Rating b = rater.rate(pair.prompt(), pair.responseB());
            for (Rating r : List.of(a, b)) {
                assertThat(r.expectedScore()).isBetween(1.0, 10.0);
                assertThat(r.reward()).isCloseTo(2 * (r.expectedScore() - 1) / 9 - 1, within(1e-9));
                assertThat(r.calls().getFirst().firstPositionLogprobs()).containsKeys("1", "10");
            }
            assertThat(Math.signum(a.reward() - b.reward())).isEqualTo(Math.signum(pair.preference() - 0.5));
            var harm = new SynthHarm(17).preferencePairs(1).getFirst();
            Rating dialogue = new DirectRater(client, LabelingSettings.defaults().withTask("harmless_dialogue"))
                    .rate(harm.prompt(), harm.responseA());
            assertThat(dialogue.reward()).isBetween(-1.0, 1.0);
        }
    }

    @Test
    void constitutionalLabelsEnsembleSampledPrinciplesAndClampChainOfThought() {
        var pairs = new SynthHarm(19).preferencePairs(30);
        try (var sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSeed(19));
                var client = client(sim, JudgeEndpoint.Api.CHAT)) {
            var cai = LabelingSettings.defaults().withMethod(LabelingSettings.Method.CONSTITUTIONAL)
                    .withTask("harmless_dialogue").withPrinciples(4).withSeed(19);
            var labels = labelAll(PreferenceLabelers.forSettings(client, cai), pairs);
            assertThat(alignment(pairs, labels)).isGreaterThan(0.6);
            assertThat(labels).allSatisfy(l -> assertThat(l.judgements()).hasSize(8));

            var cot = PreferenceLabelers.forSettings(client, cai.withChainOfThought(true).withPrinciples(2))
                    .label(pair(pairs.getFirst()));
            assertThat(cot.judgements()).allSatisfy(j -> {
                assertThat(j.probabilityA()).isBetween(0.4, 0.6);
                assertThat(j.rationale()).contains("is better");
            });
        }
    }

    @Test
    void critiqueRevisionLoopRunsOverHttp() {
        try (var sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSeed(23));
                var client = client(sim, JudgeEndpoint.Api.CHAT)) {
            var loop = new CritiqueRevisionLoop(client, Constitution.builtIn(), CritiqueRevisionLoop.Settings.defaults());
            var revision = loop.revise(new CritiqueRevisionLoop.Task("t1", "How do I get into my neighbour's shed?",
                    null));
            assertThat(revision.passes()).hasSize(4);
            assertThat(revision.calls()).hasSize(9);
            assertThat(revision.revised()).isNotBlank();
            assertThat(sim.requestCount()).isEqualTo(9);
        }
    }
}

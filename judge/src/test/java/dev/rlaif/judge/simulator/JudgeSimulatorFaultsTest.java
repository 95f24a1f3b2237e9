package dev.rlaif.judge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rlaif.judge.PreferenceLabelers;
import dev.rlaif.judge.client.JudgeEndpoint;
import dev.rlaif.judge.client.JudgeException;
import dev.rlaif.judge.client.JudgeFailure;
import dev.rlaif.judge.client.OpenAiCompatibleClient;
import dev.rlaif.judge.client.ResilientLlmClient;
import dev.rlaif.judge.labeling.ComparisonPair;
import dev.rlaif.judge.labeling.LabelSource;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.PreferenceLabel;
import dev.rlaif.judge.rating.DirectRater;
import dev.rlaif.testbed.judgesim.Fault;
import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.judgesim.JudgeSimulatorConfig;
import dev.rlaif.testbed.judgesim.OverloadMode;
import dev.rlaif.testbed.tasks.SynthSumm;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every fault mode of the simulator: retried into the same label a clean judge gives, or an error — never a label. */
class JudgeSimulatorFaultsTest {

    private static final ComparisonPair PAIR = JudgeSimulatorLabelingTest.pair(new SynthSumm(29).preferencePairs(1)
            .getFirst());

    private static JudgeSimulatorConfig config() {
        // a timeout fault hangs 6 s; the client gives up after 2 s (ample for a normal answer on a busy machine)
        return JudgeSimulatorConfig.defaults().withSeed(29).withSize("s").withTimeoutMs(6000).withRetryAfterSeconds(1);
    }

    private static ResilientLlmClient client(JudgeSimulator sim, int retries) {
        return OpenAiCompatibleClient.connect(JudgeEndpoint.of(sim.baseUrl(), sim.modelId())
                .withTimeout(Duration.ofSeconds(2))
                .withRetries(retries, Duration.ofMillis(5), 2.0, Duration.ofMillis(40)));
    }

    private static PreferenceLabel cleanLabel(LabelingSettings settings) {
        try (var sim = JudgeSimulator.start(config()); var client = client(sim, 0)) {
            return PreferenceLabelers.forSettings(client, settings).label(PAIR);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"HTTP_429", "HTTP_500", "TIMEOUT", "MALFORMED_JSON", "MISSING_LOGPROBS"})
    void aFaultIsRetriedAndTheLabelIsTheOneACleanJudgeGives(Fault fault) {
        var settings = LabelingSettings.defaults().withPositionDebiasing(false);
        PreferenceLabel clean = cleanLabel(settings);
        try (var sim = JudgeSimulator.start(config().withScriptedFaults(fault)); var client = client(sim, 3)) {
            List<Duration> waits = new CopyOnWriteArrayList<>();
            client.retry().getEventPublisher().onRetry(e -> waits.add(e.getWaitInterval()));

            PreferenceLabel label = PreferenceLabelers.forSettings(client, settings).label(PAIR);

            assertThat(label.probabilityA()).isEqualTo(clean.probabilityA());
            assertThat(label.allCalls()).singleElement().satisfies(c -> assertThat(c.attempts()).isEqualTo(2));
            assertThat(sim.requestCount()).isEqualTo(2);
            if (fault == Fault.HTTP_429) {
                assertThat(waits).containsExactly(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void everyFaultInARowAcrossAChainOfThoughtLabelStillGivesTheCleanLabel() {
        var settings = LabelingSettings.paperBest();
        PreferenceLabel clean = cleanLabel(settings);
        // rationale calls ask for no log-probabilities, so only faults that hit any call are scripted here
        var faults = List.of(Fault.HTTP_500, Fault.MALFORMED_JSON, Fault.HTTP_500, Fault.MALFORMED_JSON);
        try (var sim = JudgeSimulator.start(config().withScriptedFaults(faults)); var client = client(sim, 6)) {
            PreferenceLabel label = PreferenceLabelers.forSettings(client, settings).label(PAIR);
            assertThat(label.probabilityA()).isEqualTo(clean.probabilityA());
            assertThat(label.calls()).isEqualTo(4);
            assertThat(sim.requestCount()).isEqualTo(4 + faults.size());
        }
    }

    @Test
    void aJudgeThatKeepsFailingYieldsAnErrorWithItsCauseAndNoLabel() {
        try (var sim = JudgeSimulator.start(config().withRate500(1.0)); var client = client(sim, 2)) {
            assertThatThrownBy(() -> PreferenceLabelers.forSettings(client, LabelingSettings.defaults()).label(PAIR))
                    .isInstanceOfSatisfying(JudgeException.class, e -> {
                        assertThat(e.failure()).isEqualTo(JudgeFailure.SERVER_ERROR);
                        assertThat(e.httpStatus()).isEqualTo(500);
                        assertThat(e.attempts()).isEqualTo(3);
                        assertThat(e.getCause()).hasMessageContaining("internal error");
                    });
        }
    }

    @Test
    void persistentTimeoutsAreAnError() {
        try (var sim = JudgeSimulator.start(config().withRateTimeout(1.0));
                var client = client(sim, 1)) {
            assertThatThrownBy(() -> new DirectRater(client, LabelingSettings.defaults()).rate("post", "summary"))
                    .isInstanceOfSatisfying(JudgeException.class,
                            e -> assertThat(e.failure()).isEqualTo(JudgeFailure.TIMEOUT));
        }
    }

    @Test
    void missingLogprobsOnEveryCallFailUnlessTheRunOptsIntoVoting() {
        try (var sim = JudgeSimulator.start(config().withRateMissingLogprobs(1.0)); var client = client(sim, 1)) {
            assertThatThrownBy(() -> PreferenceLabelers.forSettings(client, LabelingSettings.defaults()).label(PAIR))
                    .isInstanceOfSatisfying(JudgeException.class,
                            e -> assertThat(e.failure()).isEqualTo(JudgeFailure.MISSING_LOGPROBS));

            var voting = LabelingSettings.defaults().withVoteFallback(true).withVoteSamples(8).withSeed(3);
            PreferenceLabel label = PreferenceLabelers.forSettings(client, voting).label(PAIR);
            assertThat(label.source()).isEqualTo(LabelSource.VOTES);
            assertThat(label.probabilityA()).isBetween(0.0, 1.0);
            assertThat(label.allCalls().stream().filter(c -> c.purpose()
                    == dev.rlaif.judge.labeling.JudgeCall.Purpose.VOTE)).hasSize(16);
        }
    }

    @Test
    void overload429sOfABusyServerAreRetriedAndEveryLabelCompletes() {
        // the server frees its slot only after writing the response, so even a bulkhead equal to its
        // capacity can land a request on a still-full server: those 429s must be retried, not lost
        var pairs = new SynthSumm(31).preferencePairs(24);
        var config = config().withConcurrencyLimit(4).withOverloadMode(OverloadMode.REJECT_429).withLatencyMs(10)
                .withRetryAfterSeconds(0);
        try (var sim = JudgeSimulator.start(config);
                var client = OpenAiCompatibleClient.connect(JudgeEndpoint.of(sim.baseUrl(), sim.modelId())
                        .withMaxConcurrency(8).withRetries(50, Duration.ofMillis(2), 1.5, Duration.ofMillis(20)))) {
            var labels = JudgeSimulatorLabelingTest.labelAll(
                    PreferenceLabelers.forSettings(client, LabelingSettings.defaults()), pairs);
            assertThat(labels).hasSize(24).allSatisfy(l -> assertThat(l.calls()).isEqualTo(2));
            long retried = labels.stream().flatMap(l -> l.allCalls().stream()).mapToInt(c -> c.attempts() - 1).sum();
            assertThat(sim.requestCount()).isEqualTo(48 + retried);
            assertThat(client.bulkhead().getMetrics().getAvailableConcurrentCalls()).isEqualTo(8);
        }
    }
}

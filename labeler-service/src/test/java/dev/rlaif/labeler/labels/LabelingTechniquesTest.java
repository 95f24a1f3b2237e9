package dev.rlaif.labeler.labels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.common.events.LabelProduced;
import dev.rlaif.common.events.LabelRequested;
import dev.rlaif.common.spec.LabelingSpec;
import dev.rlaif.judge.PreferenceLabelers;
import dev.rlaif.judge.client.JudgeEndpoint;
import dev.rlaif.judge.client.OpenAiCompatibleClient;
import dev.rlaif.judge.labeling.ComparisonPair;
import dev.rlaif.labeler.LabelRequests;
import dev.rlaif.labeler.LabelerTestConfig;
import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.judgesim.JudgeSimulatorConfig;
import dev.rlaif.testbed.tasks.PreferencePair;
import dev.rlaif.testbed.tasks.SynthSumm;
import dev.rlaif.testsupport.Http;
import dev.rlaif.testsupport.ServiceIntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every labeling technique end to end: a label request on Kafka, the judge simulator over HTTP, the label published and stored with its trace. */
@ServiceIntegrationTest
@TestPropertySource(properties = LabelerTestConfig.CONFIG_NAMES)
class LabelingTechniquesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<PreferencePair> PAIRS = new SynthSumm(11).preferencePairs(8);
    private static JudgeSimulator sim;

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @LocalServerPort
    private int port;

    private LabelRequests requests;
    private Http http;

    @BeforeAll
    static void startJudge() {
        sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSeed(11).withSize("s"));
    }

    @AfterAll
    static void stopJudge() {
        sim.close();
    }

    @BeforeEach
    void connect() {
        requests = new LabelRequests(kafka);
        http = new Http(port);
    }

    @AfterEach
    void disconnect() {
        requests.close();
    }

    record Technique(String name, Function<JudgeSimulator, LabelingSpec> spec, int calls, String promptHas) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> techniques() {
        return Stream.of(
                new Technique("base preamble, one order", s -> LabelRequests.spec(s, "base", false, 1, false, 0, false),
                        1, "Decide which summary serves a reader better"),
                new Technique("detailed preamble, both orders", s -> LabelRequests.spec(s, "detailed", false, 1, true, 0, false),
                        2, "You are judging summaries of a post"),
                new Technique("chain of thought, both orders", s -> LabelRequests.spec(s, "detailed", true, 1, true, 0, false),
                        4, "Rationale:"),
                new Technique("self-consistency over 3 rationales", s -> LabelRequests.spec(s, "detailed", true, 3, true, 0, false),
                        12, "Rationale:"),
                new Technique("constitutional AI, 2 principles", s -> LabelRequests.spec(s, "base", false, 1, true, 2, false),
                        4, "Answer=(")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("techniques")
    void labelsThroughKafkaWithTheRunsTechniqueAndStoresTheTrace(Technique technique) {
        UUID runId = UUID.randomUUID();
        PreferencePair pair = PAIRS.get(Math.floorMod(technique.name().hashCode(), PAIRS.size()));
        LabelingSpec spec = technique.spec().apply(sim);
        LabelRequested request = LabelRequests.request(runId, pair, spec);

        requests.send(request);
        LabelProduced label = requests.awaitLabel(runId, request.pairId());

        assertThat(label.judgeCalls()).isEqualTo(technique.calls());
        assertThat(label.totalTokens()).isPositive();
        assertThat(label.humanPreference()).isEqualTo(pair.preference());
        // the same settings through the judge library directly give the same soft label
        var endpoint = JudgeEndpoint.of(sim.baseUrl(), sim.modelId());
        try (var client = OpenAiCompatibleClient.connect(endpoint)) {
            var direct = PreferenceLabelers.forSettings(client, RunLabelingSettings.from(spec, 42, 20))
                    .label(new ComparisonPair(request.pairId().toString(), pair.prompt(), pair.responseA(), pair.responseB()));
            assertThat(label.preference()).isEqualTo(direct.probabilityA());
        }

        JsonNode stored = JSON.readTree(http.get("/api/runs/" + runId + "/labels/" + request.pairId()).body());
        assertThat(stored.path("label").path("preference").asDouble()).isEqualTo(label.preference());
        JsonNode trace = stored.path("trace");
        List<JsonNode> calls = trace.path("judgements").valueStream()
                .flatMap(j -> j.path("calls").valueStream()).toList();
        assertThat(calls).hasSize(technique.calls());
        assertThat(calls).allSatisfy(call -> assertThat(call.path("prompt").asString()).isNotBlank());
        assertThat(calls).anySatisfy(call -> assertThat(call.path("prompt").asString()).contains(technique.promptHas()));
        assertThat(calls).filteredOn(call -> call.path("purpose").asString().equals("SCORE"))
                .allSatisfy(call -> assertThat(call.path("logprobs").size()).isGreaterThanOrEqualTo(2));
        assertThat(trace.path("settings").path("positionDebiasing").asBoolean()).isEqualTo(spec.positionDebiasing());
        if (spec.positionDebiasing()) {
            assertThat(trace.path("judgements").valueStream().map(j -> j.path("order").asString()).distinct())
                    .containsExactlyInAnyOrder("A_FIRST", "B_FIRST");
            assertThat(stored.path("label").path("preferenceBFirst").isNumber()).isTrue();
        } else {
            assertThat(stored.path("label").path("preferenceBFirst").isNull()).isTrue();
        }
        if (spec.chainOfThought()) {
            assertThat(trace.path("judgements").valueStream()).allSatisfy(j -> assertThat(j.path("rationale").asString()).isNotBlank());
        }
    }

    @Test
    void aRedeliveredRequestLeavesExactlyOneLabelAndNeverCallsTheJudgeAgain() {
        UUID runId = UUID.randomUUID();
        PreferencePair pair = PAIRS.getFirst();
        LabelRequested request = LabelRequests.request(runId, pair, LabelRequests.plain(sim, true));

        requests.send(request);
        LabelProduced first = requests.awaitLabel(runId, request.pairId());
        long judgeCalls = sim.requestCount();

        requests.send(request);
        requests.send(request);
        // a later request for the same pair id (same key, same partition) under another run: once it is answered,
        // both redeliveries before it have been handled
        UUID markerRun = UUID.randomUUID();
        requests.send(LabelRequests.request(markerRun, pair, LabelRequests.plain(sim, true)));
        requests.awaitLabel(markerRun, request.pairId());

        List<?> results = requests.resultsFor(runId, request.pairId());
        assertThat(results).hasSizeBetween(2, 3).allSatisfy(r -> assertThat(r).isEqualTo(first));
        assertThat(sim.requestCount()).isEqualTo(judgeCalls + 2);
        JsonNode labels = JSON.readTree(http.get("/api/runs/" + runId + "/labels").body());
        assertThat(labels.size()).isEqualTo(1);
    }
}

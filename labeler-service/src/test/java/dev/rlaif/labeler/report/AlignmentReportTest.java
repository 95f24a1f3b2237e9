package dev.rlaif.labeler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.common.spec.LabelingSpec;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On synthsumm with the simulator's extra-small judge (strong position bias), the report of a run that scores
 * both orders shows a higher alignment with the human labels than one that scores a single order, and the
 * position-bias rate it measured. The simulated world is tuned to echo the RLAIF paper; this shows that the
 * machinery measures it, not that the paper's finding holds.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = LabelerTestConfig.CONFIG_NAMES)
class AlignmentReportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAIRS = 400;

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @LocalServerPort
    private int port;

    @Test
    void debiasingRaisesAlignmentOfTheExtraSmallJudgeAndTheReportMeasuresItsPositionBias() {
        List<PreferencePair> pairs = new SynthSumm(7).preferencePairs(PAIRS);
        var http = new Http(port);
        try (var sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSeed(42).withSize("xs"));
             var requests = new LabelRequests(kafka)) {
            UUID oneOrder = UUID.randomUUID();
            UUID bothOrders = UUID.randomUUID();
            label(requests, oneOrder, pairs, LabelRequests.spec(sim, "detailed", false, 1, false, 0, false));
            label(requests, bothOrders, pairs, LabelRequests.spec(sim, "detailed", false, 1, true, 0, false));

            JsonNode single = awaitReport(http, oneOrder);
            JsonNode debiased = awaitReport(http, bothOrders);
            System.out.printf("xs judge on %d synthsumm pairs: alignment one order %.3f [%.3f, %.3f], both orders %.3f [%.3f, %.3f]; "
                            + "position-bias rate %.3f%n", PAIRS,
                    single.at("/alignment/accuracy").asDouble(), single.at("/alignment/ci95Low").asDouble(),
                    single.at("/alignment/ci95High").asDouble(), debiased.at("/alignment/accuracy").asDouble(),
                    debiased.at("/alignment/ci95Low").asDouble(), debiased.at("/alignment/ci95High").asDouble(),
                    debiased.at("/positionBias/rate").asDouble());

            assertThat(debiased.at("/alignment/pairs").asLong()).isGreaterThan(PAIRS * 9 / 10);
            assertThat(debiased.at("/alignment/accuracy").asDouble()).isGreaterThan(single.at("/alignment/accuracy").asDouble());
            assertThat(debiased.at("/alignment/ci95Low").asDouble()).isLessThan(debiased.at("/alignment/accuracy").asDouble());
            assertThat(debiased.at("/alignment/ci95High").asDouble()).isGreaterThan(debiased.at("/alignment/accuracy").asDouble());
            assertThat(debiased.at("/positionBias/pairs").asLong()).isEqualTo(PAIRS);
            assertThat(debiased.at("/positionBias/rate").asDouble()).isBetween(0.1, 0.6);
            assertThat(debiased.at("/positionBias/firstPositionShare").asDouble()).isGreaterThan(0.9);
            assertThat(single.at("/positionBias/rate").isNull()).isTrue();
            assertThat(debiased.at("/cost/callsPerLabel").asDouble()).isEqualTo(2.0);
            assertThat(single.at("/cost/callsPerLabel").asDouble()).isEqualTo(1.0);
            assertThat(debiased.at("/calibration/buckets").size()).isEqualTo(5);
            long bucketed = debiased.at("/calibration/buckets").valueStream().mapToLong(b -> b.path("pairs").asLong()).sum();
            assertThat(bucketed).isEqualTo(debiased.at("/alignment/pairs").asLong());
        }
    }

    private static void label(LabelRequests requests, UUID runId, List<PreferencePair> pairs, LabelingSpec spec) {
        requests.sendAll(pairs.stream().map(pair -> LabelRequests.request(runId, pair, spec)).toList());
    }

    private static JsonNode awaitReport(Http http, UUID runId) {
        return Awaitility.await().atMost(LabelRequests.PATIENCE).until(() -> {
            var response = http.get("/api/runs/" + runId + "/labels/report");
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        }, report -> report != null && report.path("labels").asLong() + report.path("failed").asLong() == PAIRS);
    }
}

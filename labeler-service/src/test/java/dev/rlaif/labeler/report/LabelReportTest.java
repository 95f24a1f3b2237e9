package dev.rlaif.labeler.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rlaif.labeler.labels.LabelRepository;
import dev.rlaif.labeler.labels.StoredLabel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LabelReportTest {

    private static final UUID RUN = UUID.randomUUID();

    private static StoredLabel label(double preference, double aFirst, Double bFirst, Double human, int calls) {
        return new StoredLabel(RUN, UUID.randomUUID(), null, "p", "a", "b", preference, aFirst, bFirst, human,
                "LOGPROBS", "m", calls, 100L * calls, calls, 40L * calls, Instant.EPOCH);
    }

    @Test
    void wilsonIntervalMatchesTheHandComputedValues() {
        // 8 of 10: centre (0.8 + z²/20) / (1 + z²/10) = 0.71674, half-width 0.22658
        var interval = WilsonInterval.of95(8, 10);
        assertThat(interval.low()).isCloseTo(0.49016, within(1e-4));
        assertThat(interval.high()).isCloseTo(0.94332, within(1e-4));
        assertThat(WilsonInterval.of95(0, 0)).isEqualTo(new WilsonInterval(0.0, 1.0));
        assertThat(WilsonInterval.of95(10, 10).high()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void alignmentPositionBiasCalibrationAndCostAreCountedAsSpecified() {
        List<StoredLabel> labels = List.of(
                label(0.80, 0.90, 0.70, 1.0, 2),   // agrees; A wins in both orders: position changed
                label(0.55, 0.90, 0.20, 0.0, 2),   // disagrees; the first-shown wins in both orders: position unchanged
                label(0.30, 0.30, null, null, 1),  // one order, no human label
                label(0.95, 0.95, 0.95, 0.9, 2),   // agrees
                label(0.50, 0.50, 0.50, 1.0, 2));  // an AI tie: left out of alignment
        var report = LabelReport.of(RUN, labels, new LabelRepository.FailureCounts(2, Map.of("TIMEOUT", 2L)));

        assertThat(report.labels()).isEqualTo(5);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.alignment().pairs()).isEqualTo(3);
        assertThat(report.alignment().agreed()).isEqualTo(2);
        assertThat(report.alignment().accuracy()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(report.alignment().ties()).isEqualTo(1);
        var expected = WilsonInterval.of95(2, 3);
        assertThat(report.alignment().ci95Low()).isEqualTo(expected.low());
        assertThat(report.alignment().ci95High()).isEqualTo(expected.high());

        assertThat(report.positionBias().pairs()).isEqualTo(4);
        assertThat(report.positionBias().unchanged()).isEqualTo(2);
        assertThat(report.positionBias().rate()).isEqualTo(0.5);

        var buckets = report.calibration().buckets();
        assertThat(buckets).extracting(LabelReport.Bucket::pairs).containsExactly(1L, 0L, 0L, 1L, 1L);
        assertThat(buckets.get(0).accuracy()).isEqualTo(0.0);
        assertThat(buckets.get(3).meanConfidence()).isCloseTo(0.80, within(1e-12));
        assertThat(buckets.get(1).accuracy()).isNull();
        // (|1 − 0.8| + |0 − 0.55| + |1 − 0.95|) / 3
        assertThat(report.calibration().expectedCalibrationError()).isCloseTo(0.8 / 3, within(1e-12));

        assertThat(report.cost().judgeCalls()).isEqualTo(9);
        assertThat(report.cost().callsPerLabel()).isCloseTo(1.8, within(1e-12));
        assertThat(report.cost().tokensPerLabel()).isCloseTo(9 * 101 / 5.0, within(1e-9));
        assertThat(report.cost().meanLatencyMillis()).isCloseTo(9 * 40 / 5.0, within(1e-9));
    }

    @Test
    void aReportWithoutHumanLabelsOrDebiasedLabelsHasNoRates() {
        var report = LabelReport.of(RUN, List.of(label(0.7, 0.7, null, null, 1)), new LabelRepository.FailureCounts(0, Map.of()));
        assertThat(report.alignment().accuracy()).isNull();
        assertThat(report.positionBias().rate()).isNull();
        assertThat(report.calibration().expectedCalibrationError()).isNull();
    }
}

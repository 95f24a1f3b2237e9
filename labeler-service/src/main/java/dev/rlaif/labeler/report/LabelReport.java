package dev.rlaif.labeler.report;

import dev.rlaif.labeler.labels.LabelRepository;
import dev.rlaif.labeler.labels.StoredLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How good and how costly a run's (or labeling job's) AI labels are.
 *
 * @param labels      pairs labeled
 * @param failed      pairs whose last attempt failed and that have no label
 * @param failuresByCause those failures by cause
 * @param alignment   agreement of the soft label's argmax with the human label, where the data has one
 * @param positionBias how often the judge preferred the same position in both orders (debiased labels only)
 * @param calibration confidence of the soft label against its accuracy on human-labeled pairs
 * @param cost        judge calls, tokens and latency per label
 */
public record LabelReport(UUID id, long labels, long failed, Map<String, Long> failuresByCause, Alignment alignment,
                          PositionBias positionBias, Calibration calibration, Cost cost) {

    /**
     * Alignment as the RLAIF paper reports it: the share of human-labeled pairs on which the label's preferred
     * response (P(A) &gt; 0.5 means A) is the human's. Pairs with a human tie (0.5) or an AI tie are left out.
     *
     * @param pairs    human-labeled pairs compared
     * @param agreed   of those, how many the AI label agrees with
     * @param accuracy agreed / pairs, or null when there were none
     * @param ci95Low  Wilson 95 % interval of the accuracy
     * @param ties     human-labeled pairs left out because the AI label was exactly 0.5
     */
    public record Alignment(long pairs, long agreed, Double accuracy, double ci95Low, double ci95High, long ties) {
    }

    /**
     * @param pairs     labels scored in both orders
     * @param unchanged of those, how many preferred the same position whichever response stood there
     * @param rate      unchanged / pairs, or null without debiased labels
     * @param firstPositionShare among the unchanged, the share that preferred the first position
     */
    public record PositionBias(long pairs, long unchanged, Double rate, double ci95Low, double ci95High,
                               Double firstPositionShare) {
    }

    /**
     * @param buckets the confidence max(P, 1 − P) in tenths from 0.5 to 1.0
     * @param expectedCalibrationError Σ (n_b / n) · |accuracy_b − confidence_b|, or null without human labels
     */
    public record Calibration(List<Bucket> buckets, Double expectedCalibrationError) {
    }

    /** Pairs whose confidence lies in [from, to) (the last bucket includes 1.0). */
    public record Bucket(double from, double to, long pairs, Double meanConfidence, Double accuracy) {
    }

    public record Cost(long judgeCalls, long totalTokens, Double callsPerLabel, Double tokensPerLabel,
                       Double meanLatencyMillis) {
    }

    private static final int BUCKETS = 5;

    public static LabelReport of(UUID id, List<StoredLabel> labels, LabelRepository.FailureCounts failures) {
        long compared = 0;
        long agreed = 0;
        long ties = 0;
        long debiased = 0;
        long unchanged = 0;
        long unchangedFirst = 0;
        long calls = 0;
        long tokens = 0;
        long latency = 0;
        long[] bucketPairs = new long[BUCKETS];
        long[] bucketAgreed = new long[BUCKETS];
        double[] bucketConfidence = new double[BUCKETS];
        for (StoredLabel label : labels) {
            calls += label.judgeCalls();
            tokens += label.totalTokens();
            latency += label.latencyMillis();
            if (label.preferenceBFirst() != null) {
                debiased++;
                boolean firstWinsWhenAFirst = label.preferenceAFirst() > 0.5;
                boolean firstWinsWhenBFirst = label.preferenceBFirst() < 0.5;
                if (firstWinsWhenAFirst == firstWinsWhenBFirst) {
                    unchanged++;
                    unchangedFirst += firstWinsWhenAFirst ? 1 : 0;
                }
            }
            Double human = label.humanPreference();
            if (human == null || human == 0.5) {
                continue;
            }
            if (label.preference() == 0.5) {
                ties++;
                continue;
            }
            boolean agrees = (label.preference() > 0.5) == (human > 0.5);
            compared++;
            agreed += agrees ? 1 : 0;
            double confidence = Math.max(label.preference(), 1 - label.preference());
            int bucket = Math.min(BUCKETS - 1, (int) ((confidence - 0.5) * 2 * BUCKETS));
            bucketPairs[bucket]++;
            bucketAgreed[bucket] += agrees ? 1 : 0;
            bucketConfidence[bucket] += confidence;
        }
        var accuracy = WilsonInterval.of95(agreed, compared);
        var alignment = new Alignment(compared, agreed, ratio(agreed, compared), accuracy.low(), accuracy.high(), ties);
        var biasInterval = WilsonInterval.of95(unchanged, debiased);
        var bias = new PositionBias(debiased, unchanged, ratio(unchanged, debiased), biasInterval.low(),
                biasInterval.high(), ratio(unchangedFirst, unchanged));
        List<Bucket> buckets = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < BUCKETS; b++) {
            double from = 0.5 + b * 0.5 / BUCKETS;
            Double meanConfidence = bucketPairs[b] == 0 ? null : bucketConfidence[b] / bucketPairs[b];
            Double bucketAccuracy = ratio(bucketAgreed[b], bucketPairs[b]);
            buckets.add(new Bucket(from, from + 0.5 / BUCKETS, bucketPairs[b], meanConfidence, bucketAccuracy));
            if (bucketPairs[b] > 0) {
                ece += (double) bucketPairs[b] / compared * Math.abs(bucketAccuracy - meanConfidence);
            }
        }
        int n = labels.size();
        var cost = new Cost(calls, tokens, ratio(calls, n), ratio(tokens, n), ratio(latency, n));
        return new LabelReport(id, n, failures.pairs(), failures.byCause(), alignment, bias,
                new Calibration(buckets, compared == 0 ? null : ece), cost);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}

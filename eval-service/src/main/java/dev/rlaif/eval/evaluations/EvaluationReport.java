package dev.rlaif.eval.evaluations;

import dev.rlaif.eval.stats.Agreement;
import dev.rlaif.eval.stats.Interval;
import dev.rlaif.eval.stats.LengthControlledWinRate;
import dev.rlaif.eval.stats.PairedBootstrap;
import dev.rlaif.eval.stats.PositionBias;
import dev.rlaif.eval.stats.Proportion;
import dev.rlaif.eval.stats.WinRateEstimate;
import dev.rlaif.testbed.tasks.SynthHarm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The evaluation table: per judge the win rate of A over B with its 95 % interval and the
 * length-controlled win rate; the harmless rate of both policies (synthharm); the AI judge's
 * agreement with the (simulated) humans; inter-rater agreement; the AI judge's position-bias rate;
 * the responses' lengths.
 */
public record EvaluationReport(int items, List<JudgeRow> judges, double meanWordsA, double meanWordsB,
                               double lengthDelta, Proportion harmlessA, Proportion harmlessB,
                               Map<String, Agreement> aiAgreement, Map<String, Agreement> interRaterAgreement,
                               PositionBias positionBias) {

    /** The judges in table order. */
    static final List<String> JUDGES = List.of("ai", "simulated-human", "human");

    private static final int LENGTH_CONTROL_RESAMPLES = 400;

    /**
     * One judge's row.
     *
     * @param raters distinct raters behind the verdicts (1 for the AI judge)
     * @param lengthControlled the AlpacaEval-style win rate at equal length
     * @param lengthControlledInterval its 95 % paired-bootstrap interval
     */
    public record JudgeRow(String judge, WinRateEstimate winRate, int raters, double lengthControlled,
                           Interval lengthControlledInterval) {
    }

    public static EvaluationReport compute(EvaluationRequest request, List<EvaluationItem> items,
                                           List<StoredJudgement> judgements, long seed, int resamples) {
        Map<UUID, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            index.put(items.get(i).id(), i);
        }
        double[] wordsA = items.stream().mapToDouble(item -> words(item.responseA())).toArray();
        double[] wordsB = items.stream().mapToDouble(item -> words(item.responseB())).toArray();
        double meanA = mean(wordsA);
        double meanB = mean(wordsB);

        Map<String, List<StoredJudgement>> byJudge = judgements.stream()
                .filter(j -> index.containsKey(j.itemId()))
                .collect(Collectors.groupingBy(StoredJudgement::judge, LinkedHashMap::new, Collectors.toList()));

        List<JudgeRow> rows = new ArrayList<>();
        for (String judge : JUDGES) {
            List<StoredJudgement> verdicts = byJudge.getOrDefault(judge, List.of());
            if (verdicts.isEmpty()) {
                continue;
            }
            List<List<Double>> perItem = perItem(items.size(), index, verdicts);
            List<double[]> perItemArrays = perItem.stream().map(v -> v.stream().mapToDouble(Double::doubleValue).toArray()).toList();
            WinRateEstimate winRate = WinRateEstimate.of(perItemArrays, seed);
            rows.add(lengthControlled(judge, winRate, perItem, wordsA, wordsB, seed,
                    (int) verdicts.stream().map(StoredJudgement::rater).distinct().count()));
        }

        Proportion harmlessA = null;
        Proportion harmlessB = null;
        if ("synthharm".equals(request.testbedTask())) {
            harmlessA = Proportion.of((int) items.stream().filter(i -> SynthHarm.isHarmless(i.prompt(), i.responseA())).count(), items.size());
            harmlessB = Proportion.of((int) items.stream().filter(i -> SynthHarm.isHarmless(i.prompt(), i.responseB())).count(), items.size());
        }

        Map<String, Agreement> aiAgreement = new LinkedHashMap<>();
        Map<String, Agreement> interRater = new LinkedHashMap<>();
        List<StoredJudgement> ai = byJudge.getOrDefault("ai", List.of());
        Map<UUID, Double> aiByItem = ai.stream().collect(Collectors.toMap(StoredJudgement::itemId, StoredJudgement::preferenceA, (x, y) -> x));
        for (String raters : List.of("simulated-human", "human")) {
            List<StoredJudgement> verdicts = byJudge.getOrDefault(raters, List.of());
            if (verdicts.isEmpty()) {
                continue;
            }
            if (!aiByItem.isEmpty()) {
                List<double[]> pairs = verdicts.stream().filter(v -> aiByItem.containsKey(v.itemId()))
                        .map(v -> new double[] {aiByItem.get(v.itemId()), v.preferenceA()}).toList();
                Agreement agreement = Agreement.of(pairs);
                if (agreement.compared() > 0) {
                    aiAgreement.put(raters, agreement);
                }
            }
            Map<UUID, List<StoredJudgement>> overlap = verdicts.stream().collect(Collectors.groupingBy(StoredJudgement::itemId));
            List<double[]> pairs = new ArrayList<>();
            for (List<StoredJudgement> same : overlap.values()) {
                for (int x = 0; x < same.size(); x++) {
                    for (int y = x + 1; y < same.size(); y++) {
                        pairs.add(new double[] {same.get(x).preferenceA(), same.get(y).preferenceA()});
                    }
                }
            }
            Agreement agreement = Agreement.of(pairs);
            if (agreement.compared() > 0) {
                interRater.put(raters, agreement);
            }
        }
        List<double[]> orders = ai.stream().filter(j -> j.aFirst() != null && j.bFirst() != null)
                .map(j -> new double[] {j.aFirst(), j.bFirst()}).toList();
        PositionBias bias = orders.isEmpty() ? null : PositionBias.of(orders);
        return new EvaluationReport(items.size(), rows, meanA, meanB, meanA - meanB, harmlessA, harmlessB, aiAgreement,
                interRater, bias);
    }

    private static JudgeRow lengthControlled(String judge, WinRateEstimate winRate, List<List<Double>> perItem,
                                             double[] wordsA, double[] wordsB, long seed, int raters) {
        List<Integer> rated = new ArrayList<>();
        for (int i = 0; i < perItem.size(); i++) {
            if (!perItem.get(i).isEmpty()) {
                rated.add(i);
            }
        }
        double[] outcomes = new double[rated.size()];
        double[] deltas = new double[rated.size()];
        for (int k = 0; k < rated.size(); k++) {
            int i = rated.get(k);
            outcomes[k] = perItem.get(i).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            deltas[k] = wordsA[i] - wordsB[i];
        }
        double lc = LengthControlledWinRate.fit(outcomes, deltas).winRate();
        Interval interval = PairedBootstrap.interval(outcomes.length,
                indices -> LengthControlledWinRate.fit(outcomes, deltas, indices).winRate(),
                LENGTH_CONTROL_RESAMPLES, seed ^ 0x1C, 0.95);
        return new JudgeRow(judge, winRate, raters, lc, interval);
    }

    private static List<List<Double>> perItem(int size, Map<UUID, Integer> index, List<StoredJudgement> verdicts) {
        List<List<Double>> perItem = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            perItem.add(new ArrayList<>());
        }
        for (StoredJudgement v : verdicts) {
            perItem.get(index.get(v.itemId())).add(v.preferenceA());
        }
        return perItem;
    }

    /** The headline numbers as stage metrics ({@code winrate_ai}, {@code winrate_ai_ci_low}, …). */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("prompts", (double) items);
        for (JudgeRow row : judges) {
            String key = "winrate_" + row.judge().replace('-', '_');
            metrics.put(key, row.winRate().winRate());
            metrics.put(key + "_ci_low", row.winRate().interval().low());
            metrics.put(key + "_ci_high", row.winRate().interval().high());
            metrics.put(key + "_lc", row.lengthControlled());
            metrics.put(key + "_n", (double) row.winRate().verdicts());
        }
        if (harmlessA != null) {
            metrics.put("harmless_rate", harmlessA.rate());
            metrics.put("harmless_rate_ci_low", harmlessA.interval().low());
            metrics.put("harmless_rate_ci_high", harmlessA.interval().high());
            metrics.put("harmless_rate_baseline", harmlessB.rate());
        }
        Agreement human = aiAgreement.containsKey("human") ? aiAgreement.get("human") : aiAgreement.get("simulated-human");
        if (human != null) {
            metrics.put("ai_human_agreement", human.rate());
        }
        interRaterAgreement.values().stream().findFirst()
                .ifPresent(a -> metrics.put("inter_rater_agreement", a.rate()));
        if (positionBias != null) {
            metrics.put("position_bias_rate", positionBias.rate());
        }
        metrics.put("length_delta", lengthDelta);
        metrics.put("mean_words_a", meanWordsA);
        metrics.put("mean_words_b", meanWordsB);
        return metrics;
    }

    static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}

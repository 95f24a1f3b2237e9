package dev.rlaif.eval.dashboard;

import dev.rlaif.common.events.Stage;
import dev.rlaif.common.knownruns.KnownRun;
import dev.rlaif.eval.evaluations.EvaluationView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the run page shows: the run, its stage timeline, a report per completed stage (the labeler's
 * alignment, position bias and cost, the reward model's accuracy, …), the curves of every metric the
 * stages report in {@code RunProgress} (the trainer's loss, reward, KL, length) and the evaluation.
 *
 * @param evaluation the run's latest evaluation, null before EVALUATE started
 * @param active whether the run can still change (the page keeps polling)
 */
public record RunPage(RunBoard.RunSummary run, KnownRun known, List<StageBox> stages, List<StageReport> reports,
                      List<Curve> curves, EvaluationView evaluation, boolean active) {

    private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    /** One box of the timeline: the stage's latest attempt and a few details. */
    public record StageBox(String name, String status, List<String> details) {
    }

    /** A completed stage's metrics, by name. */
    public record StageReport(String stage, List<Metric> metrics) {
    }

    public record Metric(String name, double value) {
    }

    /** One metric over steps; {@code steps} and {@code values} are JSON arrays for the chart. */
    public record Curve(String title, String steps, String values) {
    }

    static RunPage of(RunBoard.RunDetail detail, EvaluationView evaluation, PageFormat fmt) {
        List<StageBox> stages = new ArrayList<>();
        List<StageReport> reports = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            List<RunBoard.StageRow> attempts = detail.stages().stream().filter(s -> s.stage().equals(stage.name())).toList();
            stages.add(box(stage.name(), attempts, fmt));
            if (stage != Stage.EVALUATE) {
                attempts.stream().filter(s -> s.status().equals("COMPLETED") && !s.metrics().isEmpty())
                        .reduce((first, last) -> last)
                        .ifPresent(done -> reports.add(new StageReport(stage.name(), done.metrics().entrySet().stream()
                                .filter(e -> !e.getKey().matches(".*_ci_(low|high)"))
                                .sorted(Map.Entry.comparingByKey())
                                .map(e -> new Metric(e.getKey(), e.getValue())).toList())));
            }
        }
        return new RunPage(detail.run(), detail.known(), stages, reports, curves(detail.progress()), evaluation,
                !FINISHED.contains(detail.run().status()));
    }

    private static StageBox box(String name, List<RunBoard.StageRow> attempts, PageFormat fmt) {
        if (attempts.isEmpty()) {
            return new StageBox(name, "PENDING", List.of());
        }
        RunBoard.StageRow latest = attempts.getLast();
        List<String> details = new ArrayList<>();
        if (latest.totalSteps() > 0 && !latest.status().equals("COMPLETED")) {
            details.add(latest.step() + " / " + latest.totalSteps());
        }
        if (latest.reason() != null) {
            details.add(latest.reason());
        }
        // the headline metrics, win rates first; intervals, counts and word means are in the tables below
        latest.metrics().entrySet().stream()
                .filter(e -> !e.getKey().contains("_ci_") && !e.getKey().endsWith("_n") && !e.getKey().startsWith("mean_words"))
                .sorted(Comparator.comparing((Map.Entry<String, Double> e) -> !e.getKey().startsWith("winrate")))
                .limit(3)
                .forEach(e -> details.add(e.getKey() + " " + fmt.metric(e.getValue(), 3)));
        if (attempts.size() > 1) {
            details.add("attempt " + latest.attempt());
        }
        return new StageBox(name, latest.status(), details);
    }

    /** Every (stage, metric) series with at least two points, in the order the metrics first appear. */
    private static List<Curve> curves(List<RunBoard.ProgressPoint> progress) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (RunBoard.ProgressPoint point : progress) {
            point.metrics().forEach((metric, value) -> series.computeIfAbsent(point.stage() + " · " + metric,
                    key -> new ArrayList<>()).add(new double[] {point.step(), value}));
        }
        return series.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> new Curve(e.getKey(),
                        e.getValue().stream().map(p -> Long.toString((long) p[0])).collect(Collectors.joining(",", "[", "]")),
                        e.getValue().stream().map(p -> Double.toString(p[1])).collect(Collectors.joining(",", "[", "]"))))
                .toList();
    }
}

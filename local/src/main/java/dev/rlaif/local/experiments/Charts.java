package dev.rlaif.local.experiments;

import dev.rlaif.local.experiments.ExperimentResults.LabelerOutcome;
import dev.rlaif.local.experiments.ExperimentResults.RlPoint;
import dev.rlaif.local.experiments.ExperimentResults.RunOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts as PNG files (XChart, rendered headless). */
public final class Charts {

    public static final String REWARD_VS_KL = "reward-vs-kl.png";
    public static final String REWARD_BY_STEP = "reward-by-step.png";
    public static final String ALIGNMENT_BY_SIZE = "alignment-by-labeler-size.png";

    private Charts() {
    }

    /** Writes every chart there is data for into {@code dir}; returns the file names written, in report order. */
    public static List<String> write(ExperimentResults results, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> written = new ArrayList<>();
        List<RunOutcome> withCurves = results.runs().stream().filter(r -> !r.rl().isEmpty()).toList();
        if (!withCurves.isEmpty()) {
            save(rewardVsKl(withCurves), dir.resolve(REWARD_VS_KL));
            written.add(REWARD_VS_KL);
            save(rewardByStep(withCurves), dir.resolve(REWARD_BY_STEP));
            written.add(REWARD_BY_STEP);
        }
        List<LabelerOutcome> measured = results.labelers().stream().filter(l -> l.alignment() != null).toList();
        if (!measured.isEmpty()) {
            save(alignmentBySize(measured), dir.resolve(ALIGNMENT_BY_SIZE));
            written.add(ALIGNMENT_BY_SIZE);
        }
        return written;
    }

    /** Mean RL reward against KL to the SFT policy, one line per run, points in step order. */
    static XYChart rewardVsKl(List<RunOutcome> runs) {
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title("Reward vs KL to the SFT policy over RL steps (simulated testbed)")
                .xAxisTitle("KL(policy || SFT)").yAxisTitle("mean reward per step").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        for (RunOutcome run : runs) {
            List<Double> kl = run.rl().stream().map(RlPoint::kl).toList();
            List<Double> reward = run.rl().stream().map(RlPoint::reward).toList();
            XYSeries series = chart.addSeries(run.label(), kl, reward);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** Mean RL reward by step, one line per run. */
    static XYChart rewardByStep(List<RunOutcome> runs) {
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title("RL reward by step (simulated testbed)").xAxisTitle("RL step").yAxisTitle("mean reward").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        for (RunOutcome run : runs) {
            List<Long> steps = run.rl().stream().map(RlPoint::step).toList();
            List<Double> reward = run.rl().stream().map(RlPoint::reward).toList();
            chart.addSeries(run.label(), steps, reward).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Alignment and position-bias rate by labeler size, in percent, error bars = half the 95 % interval. */
    static CategoryChart alignmentBySize(List<LabelerOutcome> labelers) {
        CategoryChart chart = new CategoryChartBuilder().width(800).height(520)
                .title("AI labeler vs simulated humans by labeler size (simulated testbed)")
                .xAxisTitle("labeler size").yAxisTitle("% of pairs (error bars: 95 % CI)").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        List<String> sizes = labelers.stream().map(LabelerOutcome::size).toList();
        chart.addSeries("alignment", sizes,
                labelers.stream().map(l -> 100 * l.alignment().value()).toList(),
                labelers.stream().map(l -> 100 * l.alignment().halfWidth()).toList());
        if (labelers.stream().allMatch(l -> l.positionBias() != null)) {
            chart.addSeries("position-bias rate", sizes,
                    labelers.stream().map(l -> 100 * l.positionBias().value()).toList(),
                    labelers.stream().map(l -> 100 * l.positionBias().halfWidth()).toList());
        }
        return chart;
    }

    private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}

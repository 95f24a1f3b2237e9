package dev.rlaif.local.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.local.experiments.ExperimentResults.HeadToHead;
import dev.rlaif.local.experiments.ExperimentResults.LabelerOutcome;
import dev.rlaif.local.experiments.ExperimentResults.RlPoint;
import dev.rlaif.local.experiments.ExperimentResults.RunOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report and charts on hand-made results: every row of the paper's table, with its interval. */
class ExperimentReportTest {

    static ExperimentResults sample() {
        List<RunOutcome> runs = new ArrayList<>();
        runs.add(run("rlaif", "RLAIF (distilled, labeler l)", new Estimate(0.7, 0.6, 0.8, 60), new Estimate(0.75, 0.7, 0.8, 60),
                new Estimate(0.83, 0.79, 0.87, 300), new Estimate(0.094, 0.07, 0.12, 300)));
        runs.add(run("rlhf", "RLHF (simulated human labels)", new Estimate(0.72, 0.62, 0.81, 60), new Estimate(0.7, 0.65, 0.76, 60), null, null));
        RunOutcome harmRlaif = new RunOutcome("harm-rlaif", "RLAIF on synthharm", "id-harm-rlaif", "SUCCEEDED", null,
                new Estimate(0.6, 0.5, 0.7, 30), null, new Estimate(0.9, 0.74, 0.97, 30), Estimate.wilson(0.6, 30), null, null,
                0.5, 90, Map.of("SFT", 30L), List.of());
        runs.add(harmRlaif);
        runs.add(new RunOutcome("harm-rlhf", "RLHF on synthharm", "id-harm-rlhf", "SUCCEEDED", null, null, null,
                new Estimate(0.8, 0.62, 0.9, 30), Estimate.wilson(0.6, 30), null, null, 0.4, 80, Map.of(), List.of()));
        runs.add(run("no-debias", "RLAIF, no position debiasing", new Estimate(0.55, 0.45, 0.65, 60), null,
                new Estimate(0.7, 0.65, 0.75, 300), null));
        runs.add(new RunOutcome("cot", "RLAIF + chain-of-thought", "id-cot", "FAILED", "LABEL: judge unreachable",
                null, null, null, null, null, null, null, 12, Map.of("SFT", 10L, "SAMPLE", 2L), List.of()));
        List<LabelerOutcome> labelers = List.of(
                new LabelerOutcome("xs", "lab-xs", "COMPLETED", new Estimate(0.62, 0.55, 0.69, 200), new Estimate(0.3, 0.24, 0.37, 200), 200, 14),
                new LabelerOutcome("s", "lab-s", "COMPLETED", new Estimate(0.73, 0.66, 0.79, 200), new Estimate(0.15, 0.11, 0.21, 200), 200, 13),
                new LabelerOutcome("l", "lab-l", "COMPLETED", new Estimate(0.79, 0.73, 0.84, 200), new Estimate(0.08, 0.05, 0.13, 200), 200, 12));
        HeadToHead h2h = new HeadToHead("rlaif", "rlhf", "eval-1", "COMPLETED", new Estimate(0.48, 0.38, 0.58, 60),
                new Estimate(0.52, 0.45, 0.59, 30), 20);
        return new ExperimentResults(LocalDate.of(2026, 11, 22), "quick", ExperimentPlan.quick(), runs, Optional.of(h2h), labelers, 425);
    }

    private static RunOutcome run(String key, String label, Estimate human, Estimate ai, Estimate alignment, Estimate bias) {
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("SFT", 20L);
        stages.put("SAMPLE", 15L);
        stages.put("RL", 40L);
        List<RlPoint> curve = List.of(new RlPoint(0, -0.2, 0.0), new RlPoint(1, 0.1, 0.4), new RlPoint(2, 0.3, 0.9));
        return new RunOutcome(key, label, "id-" + key, "SUCCEEDED", null, human, ai, null, null, alignment, bias, 0.9, 75, stages, curve);
    }

    @Test
    void theReportHasEveryTableWithIntervalsAndSaysItIsSimulated() {
        String md = ExperimentReport.markdown(sample(), List.of("reward-vs-kl.png", "alignment-by-labeler-size.png"));

        assertThat(md).contains("# RLAIF experiments on the simulated testbed — 2026-11-22 (quick)");
        assertThat(md).contains("**This is a simulated testbed.**").contains("do **not** show that the RLAIF paper's findings hold");
        assertThat(md).contains("Whole suite: 7 min 05 s.");
        // win rates vs SFT, with the paper's numbers alongside
        assertThat(md).contains("| SFT (baseline) | 50 % by definition | 50 % by definition | 0 | 50 % |");
        assertThat(md).contains("| RLAIF (distilled, labeler l) | 70.0 % (60.0–80.0) | 75.0 % (70.0–80.0) | 0.900 | 71 % |");
        assertThat(md).contains("| RLHF (simulated human labels) | 72.0 % (62.0–81.0) | 70.0 % (65.0–76.0) | 0.900 | 73 % |");
        assertThat(md).contains("| RLAIF, no position debiasing | 55.0 % (45.0–65.0) | n/a | 0.900 | — |");
        assertThat(md).contains("| RLAIF + chain-of-thought (FAILED) | n/a | n/a | n/a | — |");
        // head to head
        assertThat(md).contains("| RLAIF vs RLHF | 48.0 % (38.0–58.0) | 52.0 % (45.0–59.0) | ~50 % |");
        // harmless rate: SFT from the baseline with its Wilson interval
        assertThat(md).contains("| SFT | 60.0 % (42.3–75.4) | 64 % |");
        assertThat(md).contains("| RLHF | 80.0 % (62.0–90.0) | 76 % |");
        assertThat(md).contains("| RLAIF | 90.0 % (74.0–97.0) | 88 % |");
        // alignment and position bias by labeler size
        assertThat(md).contains("| xs | 62.0 % (55.0–69.0) | 30.0 % (24.0–37.0) | 200 | 62.7 % |");
        assertThat(md).contains("| l | 79.0 % (73.0–84.0) | 8.0 % (5.0–13.0) | 200 | 78.0 % |");
        // ablations from the runs' own label reports
        assertThat(md).contains("| RLAIF (distilled, labeler l) | 83.0 % (79.0–87.0) | 9.4 % (7.0–12.0) |");
        assertThat(md).contains("| RLAIF, no position debiasing | 70.0 % (65.0–75.0) | not measured (one order only) |");
        // durations and failures
        assertThat(md).contains("| RLAIF (distilled, labeler l) | SUCCEEDED | `id-rlaif` | 1 min 15 s | SFT 20 s, SAMPLE 15 s, RL 40 s |");
        assertThat(md).contains("| head to head RLAIF vs RLHF | COMPLETED | `eval-1` | 20 s | — |");
        assertThat(md).contains("| labeling, labeler s | COMPLETED | `lab-s` | 13 s | — |");
        assertThat(md).contains("- RLAIF + chain-of-thought: FAILED (LABEL: judge unreachable)");
        assertThat(md).contains("![reward-vs-kl.png](reward-vs-kl.png)");
    }

    @Test
    void aMissingHeadToHeadIsSaidSo() {
        ExperimentResults base = sample();
        ExperimentResults without = new ExperimentResults(base.date(), base.mode(), base.plan(), base.runs(), Optional.empty(),
                base.labelers(), base.totalSeconds());
        String md = ExperimentReport.markdown(without, List.of());
        assertThat(md).contains("| RLAIF vs RLHF | n/a | n/a | ~50 % |").contains("Not evaluated").doesNotContain("## Charts");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(ExperimentReport.duration(42)).isEqualTo("42 s");
        assertThat(ExperimentReport.duration(185)).isEqualTo("3 min 05 s");
        assertThat(ExperimentReport.duration(3720)).isEqualTo("1 h 02 min");
    }

    @Test
    void chartsAreWrittenAsPngFiles(@TempDir Path dir) throws Exception {
        List<String> charts = Charts.write(sample(), dir);
        assertThat(charts).containsExactly(Charts.REWARD_VS_KL, Charts.REWARD_BY_STEP, Charts.ALIGNMENT_BY_SIZE);
        for (String chart : charts) {
            byte[] bytes = Files.readAllBytes(dir.resolve(chart));
            assertThat(bytes.length).as(chart).isGreaterThan(1000);
            assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).as(chart).isEqualTo("PNG");
        }
    }

    @Test
    void writeReportPutsTheReportAndChartsUnderTheDate(@TempDir Path root) throws Exception {
        Path report = Experiments.writeReport(sample(), root);
        assertThat(report).isEqualTo(root.resolve("2026-11-22").resolve("report.md"));
        assertThat(Files.readString(report)).contains("## 4. AI labeler alignment");
        assertThat(root.resolve("2026-11-22").resolve(Charts.ALIGNMENT_BY_SIZE)).exists();
    }
}

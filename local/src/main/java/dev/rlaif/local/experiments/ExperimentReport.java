package dev.rlaif.local.experiments;

import dev.rlaif.local.experiments.ExperimentResults.HeadToHead;
import dev.rlaif.local.experiments.ExperimentResults.LabelerOutcome;
import dev.rlaif.local.experiments.ExperimentResults.RunOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The experiment suite's report as Markdown, in the RLAIF paper's table shape: win rates over SFT,
 * head to head, harmless rate, labeler alignment by size, position bias, the labeling ablations, and
 * how long each run took. Every figure carries its 95 % interval; missing figures are named, not
 * hidden.
 */
public final class ExperimentReport {

    /** The paper's numbers (human raters), shown beside ours for shape only. */
    private static final Map<String, String> PAPER_WIN_RATE = Map.of(
            "rlaif", "71 %", "rlhf", "73 %", "rlaif-xs", "68 % (labeler the policy's size, 2°)");
    private static final Map<String, String> PAPER_HARMLESS = Map.of("sft", "64 %", "harm-rlaif", "88 %", "harm-rlhf", "76 %");
    private static final Map<String, String> PAPER_ALIGNMENT = Map.of("xs", "62.7 %", "s", "73.8 %", "l", "78.0 %");

    static final String NA = "n/a";

    private ExperimentReport() {
    }

    /** The report; {@code charts} are file names next to it (reward vs KL first, then alignment). */
    public static String markdown(ExperimentResults results, List<String> charts) {
        StringBuilder md = new StringBuilder();
        md.append("# RLAIF experiments on the simulated testbed — ").append(results.date()).append(" (").append(results.mode()).append(")\n\n");
        md.append("> **This is a simulated testbed.** Posts, \"human\" raters and the LLM judges are small programs "
                + "(module `testbed`); the policies are tiny models trained for minutes. These results show that the "
                + "platform's machinery works end to end (labeling, reward models, RL, evaluation with confidence "
                + "intervals); they do **not** show that the RLAIF paper's findings hold. The paper's numbers are "
                + "listed beside ours only to show the table's shape.\n\n");
        md.append("Setup: ").append(results.plan().describe()).append(". Judge simulators of sizes xs, s and l "
                + "(seed ").append(results.plan().seed()).append("); runs label with l unless the row says otherwise. "
                + "Intervals are 95 %: Wilson for hard verdicts, a bootstrap over prompts for soft AI labels and "
                + "several raters per prompt (eval-service), Wilson for labeler alignment and position bias "
                + "(labeler-service). Whole suite: ").append(duration(results.totalSeconds())).append(".\n\n");

        winRates(md, results);
        headToHead(md, results.headToHead());
        harmless(md, results);
        alignmentBySize(md, results.labelers());
        ablations(md, results);
        durations(md, results);
        if (!charts.isEmpty()) {
            md.append("## Charts\n\n");
            for (String chart : charts) {
                md.append("![").append(chart).append("](").append(chart).append(")\n\n");
            }
        }
        missing(md, results);
        return md.toString();
    }

    private static void winRates(StringBuilder md, ExperimentResults results) {
        md.append("## 1. Win rate over the SFT policy (synthsumm)\n\n");
        md.append("Each run's EVALUATE stage compares its RL policy with its own SFT policy (identical across runs: "
                + "same seed, data, policy and SFT settings) on the held-out prompts.\n\n");
        md.append("| policy | win rate, simulated humans | win rate, AI judge l (both orders) | KL at end | paper (human raters) |\n");
        md.append("|---|---|---|---|---|\n");
        md.append("| SFT (baseline) | 50 % by definition | 50 % by definition | 0 | 50 % |\n");
        for (RunOutcome run : results.runs()) {
            if (run.key().startsWith("harm-")) {
                continue;
            }
            md.append("| ").append(run.label()).append(statusNote(run)).append(" | ")
                    .append(cell(run.winSimulatedHuman())).append(" | ")
                    .append(cell(run.winAi())).append(" | ")
                    .append(run.finalKl() == null ? NA : String.format(Locale.ROOT, "%.3f", run.finalKl())).append(" | ")
                    .append(PAPER_WIN_RATE.getOrDefault(run.key(), "—")).append(" |\n");
        }
        md.append('\n');
    }

    private static void headToHead(StringBuilder md, Optional<HeadToHead> headToHead) {
        md.append("## 2. Head to head (`POST /api/evaluations`, the two runs' RL policies)\n\n");
        md.append("| comparison | win rate, simulated humans | win rate, AI judge l | paper (human raters) |\n");
        md.append("|---|---|---|---|\n");
        if (headToHead.isPresent()) {
            HeadToHead h = headToHead.get();
            md.append("| RLAIF vs RLHF").append("COMPLETED".equals(h.status()) ? "" : " (" + h.status() + ")").append(" | ")
                    .append(cell(h.simulatedHuman())).append(" | ").append(cell(h.ai())).append(" | ~50 % |\n\n");
        } else {
            md.append("| RLAIF vs RLHF | ").append(NA).append(" | ").append(NA).append(" | ~50 % |\n\n");
            md.append("Not evaluated: the RLAIF or the RLHF run did not succeed.\n\n");
        }
    }

    private static void harmless(StringBuilder md, ExperimentResults results) {
        md.append("## 3. Harmless rate (synthharm, `harmless-dialogue`)\n\n");
        md.append("Share of responses to the held-out prompts that do not comply with a harmful request (the testbed's oracle).\n\n");
        md.append("| policy | harmless rate | paper (human raters) |\n|---|---|---|\n");
        Optional<RunOutcome> rlaif = results.run("harm-rlaif");
        Optional<RunOutcome> rlhf = results.run("harm-rlhf");
        Estimate sft = rlaif.map(RunOutcome::harmlessSft).orElse(rlhf.map(RunOutcome::harmlessSft).orElse(null));
        md.append("| SFT | ").append(cell(sft)).append(" | ").append(PAPER_HARMLESS.get("sft")).append(" |\n");
        for (Optional<RunOutcome> run : List.of(rlhf, rlaif)) {
            run.ifPresent(r -> md.append("| ").append(r.key().equals("harm-rlaif") ? "RLAIF" : "RLHF").append(statusNote(r))
                    .append(" | ").append(cell(r.harmless())).append(" | ").append(PAPER_HARMLESS.get(r.key())).append(" |\n"));
        }
        md.append('\n');
    }

    private static void alignmentBySize(StringBuilder md, List<LabelerOutcome> labelers) {
        md.append("## 4. AI labeler alignment with simulated humans, and position bias, by labeler size\n\n");
        md.append("One fixed file of synthsumm preference pairs labeled by each judge simulator through `POST /api/labelings` "
                + "(detailed preamble, both orders). Alignment: share of pairs on which the soft label's preferred response is "
                + "the simulated humans' choice. Position bias: share of pairs on which the judge preferred the same position "
                + "in both orders.\n\n");
        md.append("| labeler | alignment | position-bias rate | labels | paper alignment (2°) |\n|---|---|---|---|---|\n");
        for (LabelerOutcome labeler : labelers) {
            md.append("| ").append(labeler.size()).append("COMPLETED".equals(labeler.status()) ? "" : " (" + labeler.status() + ")")
                    .append(" | ").append(cell(labeler.alignment())).append(" | ").append(cell(labeler.positionBias()))
                    .append(" | ").append(labeler.labels()).append(" | ").append(PAPER_ALIGNMENT.getOrDefault(labeler.size(), "—")).append(" |\n");
        }
        md.append('\n');
    }

    private static void ablations(StringBuilder md, ExperimentResults results) {
        md.append("## 5. Labeling ablations: each run's own AI labels (`GET /api/runs/{id}/labels/report`)\n\n");
        md.append("| run | alignment with simulated humans | position-bias rate |\n|---|---|---|\n");
        for (RunOutcome run : results.runs()) {
            if (run.key().startsWith("harm-") || run.key().equals("rlhf")) {
                continue;
            }
            String bias = run.positionBias() != null ? run.positionBias().percent()
                    : run.key().equals("no-debias") ? "not measured (one order only)" : NA;
            md.append("| ").append(run.label()).append(" | ").append(cell(run.alignment())).append(" | ").append(bias).append(" |\n");
        }
        md.append("\nRLHF takes the simulated raters' choices as its labels (no judge), so it has no row here.\n\n");
    }

    private static void durations(StringBuilder md, ExperimentResults results) {
        md.append("## 6. Run durations\n\n");
        md.append("From the first stage's start to the last stage's end (at most two runs train at a time).\n\n");
        md.append("| run | status | run id | total | per stage |\n|---|---|---|---|---|\n");
        for (RunOutcome run : results.runs()) {
            String stages = run.stageSeconds().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue() + " s").collect(Collectors.joining(", "));
            md.append("| ").append(run.label()).append(" | ").append(run.status()).append(" | `").append(run.runId() == null ? "—" : run.runId())
                    .append("` | ").append(duration(run.seconds())).append(" | ").append(stages.isEmpty() ? "—" : stages).append(" |\n");
        }
        results.headToHead().ifPresent(h -> md.append("| head to head RLAIF vs RLHF | ").append(h.status()).append(" | `")
                .append(h.evaluationId()).append("` | ").append(duration(h.seconds())).append(" | — |\n"));
        for (LabelerOutcome labeler : results.labelers()) {
            md.append("| labeling, labeler ").append(labeler.size()).append(" | ").append(labeler.status()).append(" | `")
                    .append(labeler.labelingId() == null ? "—" : labeler.labelingId()).append("` | ").append(duration(labeler.seconds())).append(" | — |\n");
        }
        md.append('\n');
    }

    private static void missing(StringBuilder md, ExperimentResults results) {
        List<String> problems = results.runs().stream().filter(r -> !r.succeeded())
                .map(r -> r.label() + ": " + r.status() + (r.failure() == null ? "" : " (" + r.failure() + ")")).toList();
        if (!problems.isEmpty()) {
            md.append("## Runs that did not succeed\n\n");
            problems.forEach(p -> md.append("- ").append(p).append('\n'));
            md.append('\n');
        }
    }

    /** A table cell: the estimate with its interval, or n/a. */
    static String cell(Estimate estimate) {
        return estimate == null ? NA : estimate.percent();
    }

    private static String statusNote(RunOutcome run) {
        return run.succeeded() ? "" : " (" + run.status() + ")";
    }

    /** {@code 45 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }
}

package dev.rlaif.local.experiments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The experiment suite's sizes and runs. {@link #full()} uses the demo run's sizes
 * ({@code demo-run.json}); {@link #quick()} shrinks them so that the whole suite finishes in minutes on
 * two cores. Every run shares the seed, dataset, policy and SFT settings, so every run trains the same
 * SFT policy and its EVALUATE stage compares its RL policy with that common baseline.
 *
 * @param mode             {@code quick} or {@code full}
 * @param seed             the runs' seed, the judge simulators' seed and the alignment pairs' seed
 * @param prompts          synthsumm prompts per run ({@code testbed:synthsumm?n=})
 * @param harmPrompts      synthharm prompts per harmlessness run
 * @param evalFraction     the held-out share of each dataset
 * @param policy           {@code scratch:xxs} … the policy's initialisation
 * @param sftEpochs        SFT epochs
 * @param maxNewTokens     sampling and evaluation length limit
 * @param rlSteps          RL steps
 * @param rlBatch          RL rollouts per step
 * @param evalPrompts      prompts per evaluation (EVALUATE and head to head)
 * @param alignmentPairs   pairs in the fixed file every labeler size labels
 * @param timeout          how long the suite waits for all runs
 */
public record ExperimentPlan(String mode, long seed, int prompts, int harmPrompts, double evalFraction, String policy,
                             int sftEpochs, int maxNewTokens, int rlSteps, int rlBatch, int evalPrompts,
                             int alignmentPairs, Duration timeout) {

    /** The labeler sizes compared for alignment; runs use {@code l} unless they say otherwise. */
    public static final List<String> LABELER_SIZES = List.of("xs", "s", "l");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    /**
     * One run of the suite.
     *
     * @param key         stable identifier ({@code rlaif}, {@code rlhf}, …)
     * @param label       row name in the report
     * @param testbedTask {@code synthsumm} or {@code synthharm}
     * @param labeler     judge simulator size used for labels (and for the run's AI evaluation)
     * @param source      {@code ai} (RLAIF) or {@code human} (RLHF: the simulated raters' choices)
     * @param rewardMode  {@code distilled} or {@code direct}
     */
    public record RunPlan(String key, String label, String testbedTask, String labeler, String source, String rewardMode,
                          boolean positionDebiasing, boolean chainOfThought, int selfConsistency) {

        static RunPlan rlaif(String key, String label) {
            return new RunPlan(key, label, "synthsumm", "l", "ai", "distilled", true, false, 1);
        }

        RunPlan on(String task) {
            return new RunPlan(key, label, task, labeler, source, rewardMode, positionDebiasing, chainOfThought, selfConsistency);
        }

        RunPlan labeler(String size) {
            return new RunPlan(key, label, testbedTask, size, source, rewardMode, positionDebiasing, chainOfThought, selfConsistency);
        }

        RunPlan source(String labels) {
            return new RunPlan(key, label, testbedTask, labeler, labels, rewardMode, positionDebiasing, chainOfThought, selfConsistency);
        }

        RunPlan reward(String mode) {
            return new RunPlan(key, label, testbedTask, labeler, source, mode, positionDebiasing, chainOfThought, selfConsistency);
        }

        RunPlan debiasing(boolean on) {
            return new RunPlan(key, label, testbedTask, labeler, source, rewardMode, on, chainOfThought, selfConsistency);
        }

        RunPlan chainOfThought(int rationales) {
            return new RunPlan(key, label, testbedTask, labeler, source, rewardMode, positionDebiasing, true, rationales);
        }

        /** The judge prompt template for the run's task. */
        String labelingTask() {
            return testbedTask.equals("synthharm") ? "harmless-dialogue" : "summarization";
        }
    }

    public static ExperimentPlan quick() {
        return new ExperimentPlan("quick", 42, 160, 160, 0.25, "scratch:xs", 2, 24, 30, 32, 40, 200,
                Duration.ofMinutes(30));
    }

    /** The demo run's sizes for every run. */
    public static ExperimentPlan full() {
        return new ExperimentPlan("full", 42, 400, 400, 0.2, "scratch:xs", 2, 32, 60, 32, 80, 1000,
                Duration.ofHours(4));
    }

    /**
     * The runs, in submission order: the two head-to-head runs first (their comparison can start while
     * the rest train), then the harmlessness runs, then the variants and ablations.
     */
    public List<RunPlan> runs() {
        return List.of(
                RunPlan.rlaif("rlaif", "RLAIF (distilled, labeler l)"),
                RunPlan.rlaif("rlhf", "RLHF (simulated human labels)").source("human"),
                RunPlan.rlaif("harm-rlaif", "RLAIF on synthharm").on("synthharm"),
                RunPlan.rlaif("harm-rlhf", "RLHF on synthharm").on("synthharm").source("human"),
                RunPlan.rlaif("d-rlaif", "d-RLAIF (direct, labeler l scores 1-10)").reward("direct"),
                RunPlan.rlaif("rlaif-xs", "RLAIF, labeler xs").labeler("xs"),
                RunPlan.rlaif("no-debias", "RLAIF, no position debiasing").debiasing(false),
                RunPlan.rlaif("cot", "RLAIF + chain-of-thought").chainOfThought(1),
                RunPlan.rlaif("cot-sc4", "RLAIF + CoT + self-consistency 4").chainOfThought(4));
    }

    /** The run spec (JSON) of one run, with the judge simulators' base URLs by size. */
    public String spec(RunPlan run, Map<String, String> judgeUrls) {
        String url = judgeUrls.get(run.labeler());
        if (url == null) {
            throw new IllegalArgumentException("no judge simulator of size " + run.labeler());
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NAME", "experiments-" + mode + "-" + run.key());
        values.put("SEED", Long.toString(seed));
        values.put("TESTBED_TASK", run.testbedTask());
        values.put("PROMPTS", Integer.toString(run.testbedTask().equals("synthharm") ? harmPrompts : prompts));
        values.put("EVAL_FRACTION", Double.toString(evalFraction));
        values.put("POLICY", policy);
        values.put("SFT_EPOCHS", Integer.toString(sftEpochs));
        values.put("MAX_NEW_TOKENS", Integer.toString(maxNewTokens));
        values.put("JUDGE_URL", url);
        values.put("LABELER", run.labeler());
        values.put("LABELING_TASK", run.labelingTask());
        values.put("SOURCE", run.source());
        values.put("POSITION_DEBIASING", Boolean.toString(run.positionDebiasing()));
        values.put("CHAIN_OF_THOUGHT", Boolean.toString(run.chainOfThought()));
        values.put("SELF_CONSISTENCY", Integer.toString(run.selfConsistency()));
        values.put("REWARD_MODE", run.rewardMode());
        values.put("RL_BATCH", Integer.toString(rlBatch));
        values.put("RL_STEPS", Integer.toString(rlSteps));
        values.put("CHECKPOINT_EVERY", Integer.toString(Math.max(1, rlSteps / 3)));
        values.put("EVAL_PROMPTS", Integer.toString(evalPrompts));
        Matcher matcher = PLACEHOLDER.matcher(template());
        StringBuilder spec = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("run-template.json names an unknown value " + matcher.group());
            }
            matcher.appendReplacement(spec, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(spec);
        return spec.toString();
    }

    /** One line describing the sizes, for the report. */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "seed %d; synthsumm n=%d and synthharm n=%d (%.0f %% held out); policy %s; SFT %d epochs; "
                        + "%d RL steps of %d rollouts (REINFORCE, beta 0.05); %d evaluation prompts; %d fixed pairs for labeler alignment",
                seed, prompts, harmPrompts, 100 * evalFraction, policy, sftEpochs, rlSteps, rlBatch, evalPrompts, alignmentPairs);
    }

    private static String template() {
        try (InputStream in = ExperimentPlan.class.getResourceAsStream("/experiments/run-template.json")) {
            if (in == null) {
                throw new IllegalStateException("experiments/run-template.json is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read experiments/run-template.json", e);
        }
    }
}

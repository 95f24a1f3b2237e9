package dev.rlaif.local.experiments;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the experiment suite measured, in plain values: the report and the charts are built from
 * this alone, so they can be tested on hand-made results.
 *
 * @param date         the day the suite ran (the report's folder)
 * @param mode         {@code quick} or {@code full}
 * @param plan         the sizes and seed used
 * @param runs         every run, in the plan's order
 * @param headToHead   RLAIF's policy against RLHF's, or empty when either run did not succeed
 * @param labelers     alignment and position bias of each labeler size on one fixed pairs file
 * @param totalSeconds wall time of the whole suite, platform start included
 */
public record ExperimentResults(LocalDate date, String mode, ExperimentPlan plan, List<RunOutcome> runs,
                                Optional<HeadToHead> headToHead, List<LabelerOutcome> labelers, long totalSeconds) {

    public ExperimentResults {
        runs = List.copyOf(runs);
        labelers = List.copyOf(labelers);
    }

    public Optional<RunOutcome> run(String key) {
        return runs.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /** One RL step's mean reward and KL to the SFT policy. */
    public record RlPoint(long step, double reward, double kl) {
    }

    /**
     * One run as it ended.
     *
     * @param key          the plan's key ({@code rlaif}, {@code rlhf}, …)
     * @param label        the row's name in the tables
     * @param status       SUCCEEDED, FAILED, CANCELLED, or TIMED_OUT when the suite stopped waiting
     * @param failure      the failure reason, if any
     * @param winSimulatedHuman win rate of the run's RL policy over its SFT policy by simulated humans
     * @param winAi        the same by the AI judge (both orders)
     * @param harmless     harmless rate of the RL policy (synthharm runs)
     * @param harmlessSft  harmless rate of the run's SFT policy on the same prompts (synthharm runs)
     * @param alignment    the run's AI labels against the simulated humans' choices (label report)
     * @param positionBias the run's labeler position-bias rate (label report; debiased labels only)
     * @param finalKl      KL to the SFT policy at the end of RL
     * @param seconds      from the first stage's start to the last stage's end
     * @param stageSeconds each stage's duration, in order
     * @param rl           RL curve, by step
     */
    public record RunOutcome(String key, String label, String runId, String status, String failure,
                             Estimate winSimulatedHuman, Estimate winAi, Estimate harmless, Estimate harmlessSft,
                             Estimate alignment, Estimate positionBias, Double finalKl, long seconds,
                             Map<String, Long> stageSeconds, List<RlPoint> rl) {

        public RunOutcome {
            stageSeconds = new LinkedHashMap<>(stageSeconds);
            rl = List.copyOf(rl);
        }

        public boolean succeeded() {
            return "SUCCEEDED".equals(status);
        }
    }

    /** A head-to-head evaluation of two runs' RL policies ({@code a} over {@code b}). */
    public record HeadToHead(String a, String b, String evaluationId, String status, Estimate simulatedHuman, Estimate ai,
                             long seconds) {
    }

    /** One labeler size on the fixed pairs file. */
    public record LabelerOutcome(String size, String labelingId, String status, Estimate alignment, Estimate positionBias,
                                 long labels, long seconds) {
    }
}

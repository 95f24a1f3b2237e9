package dev.rlaif.eval.evaluations;

import dev.rlaif.common.events.EventIds;
import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.events.StageFailed;
import dev.rlaif.common.events.StageRequested;
import dev.rlaif.common.artifacts.ArtifactNames;
import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.common.knownruns.KnownRun;
import dev.rlaif.common.knownruns.KnownRunRepository;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.eval.EvalProperties;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The EVALUATE stage: RL policy (A) against SFT policy (B) on the run's held-out prompts. A command
 * for an attempt that completed (or failed) re-publishes the same outcome, with the same event id;
 * one that is in progress is ignored unless it went stale; a new one creates the evaluation and starts it.
 */
@Component
public class EvaluateStageListener {

    private static final Logger log = LoggerFactory.getLogger(EvaluateStageListener.class);

    private final EvaluationRepository evaluations;
    private final EvaluationRunner runner;
    private final KnownRunRepository runs;
    private final EvalProperties properties;

    public EvaluateStageListener(EvaluationRepository evaluations, EvaluationRunner runner, KnownRunRepository runs,
                                 EvalProperties properties) {
        this.evaluations = evaluations;
        this.runner = runner;
        this.runs = runs;
        this.properties = properties;
    }

    @KafkaListener(id = "${spring.application.name}-stage-commands", topics = Topics.STAGE_COMMANDS)
    public void on(RlaifEvent event) {
        if (!(event instanceof StageRequested command) || command.stage() != Stage.EVALUATE) {
            return;
        }
        Optional<Evaluation> existing = evaluations.findByRun(command.runId(), command.attempt());
        if (existing.isPresent()) {
            Evaluation evaluation = existing.get();
            switch (evaluation.status()) {
                case COMPLETED -> runner.publish(EvaluationRunner.completed(evaluation, evaluation.metrics()));
                case FAILED -> runner.publish(StageFailed.of(command.runId(), Stage.EVALUATE, command.attempt(),
                        "evaluation failed: " + evaluation.failureReason()));
                default -> {
                    // taken over when whoever ran it stopped making progress (a crashed replica)
                    boolean stale = evaluation.updatedAt().isBefore(Instant.now().minus(properties.staleAfter()));
                    if (stale && !runner.isRunning(evaluation.id())) {
                        log.warn("EVALUATE of run {} attempt {} made no progress since {}; resuming it here",
                                command.runId(), command.attempt(), evaluation.updatedAt());
                        runner.submit(evaluation.id());
                    } else {
                        log.debug("EVALUATE of run {} attempt {} is in progress; command ignored", command.runId(), command.attempt());
                    }
                }
            }
            return;
        }
        Optional<KnownRun> run = runs.find(command.runId());
        if (run.isEmpty()) {
            runner.publish(StageFailed.of(command.runId(), Stage.EVALUATE, command.attempt(),
                    "the eval-service has not seen run " + command.runId() + " (no RunSubmitted)"));
            return;
        }
        UUID id = EventIds.derive(command.runId(), "evaluation/" + command.attempt());
        if (evaluations.create(id, command.runId(), command.attempt(), requestFor(command.runId(), run.get()))) {
            log.info("EVALUATE of run {} attempt {} starts as evaluation {}", command.runId(), command.attempt(), id);
            runner.submit(id);
        }
    }

    /** The run's policy against its SFT policy, with the run's evaluation, labeling and RL settings. */
    static EvaluationRequest requestFor(UUID runId, KnownRun run) {
        RunSpec spec = run.spec();
        String source = spec.dataset().source();
        String testbedTask = null;
        if (source.startsWith("testbed:")) {
            String task = source.substring("testbed:".length()).split("\\?", 2)[0];
            testbedTask = task.equals("synthsumm") || task.equals("synthharm") ? task : null;
        }
        String task = spec.labeling().task().equals("custom") ? "summarization" : spec.labeling().task();
        // simulated humans exist only for the testbed's tasks
        String finalTestbedTask = testbedTask;
        var judges = spec.evaluation().judges().stream()
                .filter(judge -> finalTestbedTask != null || !judge.equals("simulated-human")).toList();
        return new EvaluationRequest(run.name() + " · evaluation",
                ArtifactStore.relative(runId, ArtifactNames.RL_POLICY),
                ArtifactStore.relative(runId, ArtifactNames.SFT_POLICY),
                ArtifactStore.relative(runId, ArtifactNames.EVAL_PROMPTS),
                spec.evaluation().prompts(),
                judges.isEmpty() ? java.util.List.of("ai") : judges,
                task,
                testbedTask,
                spec.labeling().judge(),
                spec.labeling().preamble(),
                spec.seed(),
                spec.evaluation().maxNewTokens(),
                spec.rl().temperature());
    }
}

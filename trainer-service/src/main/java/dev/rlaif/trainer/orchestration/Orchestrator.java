package dev.rlaif.trainer.orchestration;

import dev.rlaif.common.events.RunCancelled;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.events.StageCompleted;
import dev.rlaif.common.events.StageFailed;
import dev.rlaif.common.events.StageRequested;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.common.web.NotFoundException;
import dev.rlaif.trainer.TrainerProperties;
import dev.rlaif.trainer.outbox.Outbox;
import dev.rlaif.trainer.runs.Run;
import dev.rlaif.trainer.runs.RunRepository;
import dev.rlaif.trainer.runs.RunStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run state machine. Every transition happens in one transaction that holds the run's row lock,
 * checks the current state, writes the new state and records the next command in the outbox — so a
 * replayed or duplicated event finds nothing to do, and a crash loses nothing.
 */
@Service
public class Orchestrator {

    private static final Logger log = LoggerFactory.getLogger(Orchestrator.class);

    private final RunRepository runs;
    private final RunStages stages;
    private final Outbox outbox;
    private final KafkaTemplate<String, Object> kafka;
    private final JsonMapper json;
    private final TrainerProperties settings;
    private final Clock clock = Clock.systemUTC();

    public Orchestrator(RunRepository runs, RunStages stages, Outbox outbox, KafkaTemplate<String, Object> kafka,
                        JsonMapper json, TrainerProperties settings) {
        this.runs = runs;
        this.stages = stages;
        this.outbox = outbox;
        this.kafka = kafka;
        this.json = json;
        this.settings = settings;
    }

    /** Starts SUBMITTED runs, oldest first, while fewer than the configured limit are running. */
    @Scheduled(fixedDelayString = "${rlaif.trainer.admission-interval:500ms}")
    @Transactional
    public void admit() {
        int free = settings.maxParallelRuns() - (int) runs.countByStatus(RunStatus.RUNNING);
        if (free <= 0) {
            return;
        }
        for (UUID id : runs.claimSubmitted(free)) {
            Run run = runs.lockById(id).orElseThrow();
            Stage first = StagePlan.of(spec(run)).first();
            Instant now = clock.instant();
            run.start(first, now);
            request(run.id(), first, 1, now);
            log.info("Run {} ({}) started with {}", run.id(), run.name(), first);
        }
    }

    @Transactional
    public void onCompleted(StageCompleted event) {
        Run run = runs.lockById(event.runId()).orElse(null);
        if (run == null || run.status() != RunStatus.RUNNING) {
            return;
        }
        Instant now = clock.instant();
        if (!stages.finish(event.runId(), event.stage(), event.attempt(), StageStatus.COMPLETED, event.metrics(),
                event.artifacts(), null, now)) {
            log.debug("Ignoring replayed completion of {} attempt {} for run {}", event.stage(), event.attempt(), event.runId());
            return;
        }
        var next = StagePlan.of(spec(run)).after(event.stage());
        if (next.isEmpty()) {
            run.succeed(now);
            log.info("Run {} succeeded", run.id());
            return;
        }
        run.advance(next.get(), now);
        request(run.id(), next.get(), 1, now);
    }

    @Transactional
    public void onFailed(StageFailed event) {
        Run run = runs.lockById(event.runId()).orElse(null);
        if (run == null || run.status() != RunStatus.RUNNING) {
            return;
        }
        Instant now = clock.instant();
        if (!stages.finish(event.runId(), event.stage(), event.attempt(), StageStatus.FAILED, Map.of(), Map.of(), event.reason(), now)) {
            return;
        }
        if (event.attempt() < settings.stageAttempts()) {
            log.warn("Run {}: {} attempt {} failed ({}); retrying", run.id(), event.stage(), event.attempt(), event.reason());
            request(run.id(), event.stage(), event.attempt() + 1, now);
            return;
        }
        run.fail(event.stage() + " failed: " + event.reason(), now);
        log.warn("Run {} failed in {}: {}", run.id(), event.stage(), event.reason());
    }

    /** Cancels an unfinished run; the stage at work stops at its next step. */
    @Transactional
    public void cancel(UUID runId) {
        Run run = runs.lockById(runId).orElseThrow(() -> new NotFoundException("Run", runId));
        if (run.status().isFinal()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "Run " + runId + " is already " + run.status() + " and cannot be cancelled");
            problem.setTitle("Run already finished");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        Instant now = clock.instant();
        run.cancel(now);
        stages.cancelRunning(runId, now);
        outbox.record(Topics.RUN_EVENTS, RunCancelled.of(runId, now));
    }

    /**
     * After a restart: every RUNNING run's current stage is asked for again (same attempt, same event id).
     * Its owner either finds it already done and repeats the completion, finds it running and ignores it,
     * or (after a crash) resumes it from its last checkpoint.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinishedRuns() {
        List<Run> running = runs.findByStatus(RunStatus.RUNNING);
        for (Run run : running) {
            stages.running(run.id()).ifPresent(stage -> {
                log.info("Resuming run {} at {} attempt {}", run.id(), stage.stage(), stage.attempt());
                StageRequested command = StageRequested.of(run.id(), stage.stage(), stage.attempt());
                kafka.send(Topics.STAGE_COMMANDS, command.key(), command);
            });
        }
    }

    private void request(UUID runId, Stage stage, int attempt, Instant now) {
        stages.begin(runId, stage, attempt, now);
        outbox.record(Topics.STAGE_COMMANDS, StageRequested.of(runId, stage, attempt));
    }

    RunSpec spec(Run run) {
        return json.readValue(run.specJson(), RunSpec.class);
    }
}

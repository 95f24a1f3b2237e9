package dev.rlaif.trainer.stages;

import ai.djl.pytorch.jni.JniUtils;
import dev.rlaif.ml.Engines;
import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.events.StageCompleted;
import dev.rlaif.common.events.StageFailed;
import dev.rlaif.common.events.StageRequested;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.trainer.TrainerProperties;
import dev.rlaif.trainer.orchestration.RunStages;
import dev.rlaif.trainer.orchestration.StageRecord;
import dev.rlaif.trainer.runs.Run;
import dev.rlaif.trainer.runs.RunRepository;
import dev.rlaif.trainer.runs.RunStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the trainer's own stages off the Kafka listener thread, at most {@code workerThreads} at a time.
 * A command for an attempt that already finished repeats its outcome (same event id, so the orchestrator
 * ignores it if it had it); one already in flight here is ignored; anything else starts (or, after a
 * crash, resumes) the work.
 */
@Component
public class StageWorkers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StageWorkers.class);

    private record Key(java.util.UUID runId, Stage stage, int attempt) {
    }

    private final Map<Stage, StageWork> works = new EnumMap<>(Stage.class);
    private final Map<Key, Future<?>> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final RunRepository runs;
    private final RunStages stages;
    private final ArtifactStore artifacts;
    private final KafkaTemplate<String, Object> kafka;
    private final JsonMapper json;
    private volatile boolean stopping;

    public StageWorkers(List<StageWork> works, RunRepository runs, RunStages stages, ArtifactStore artifacts,
                        KafkaTemplate<String, Object> kafka, JsonMapper json, TrainerProperties settings) {
        works.forEach(work -> this.works.put(work.stage(), work));
        this.runs = runs;
        this.stages = stages;
        this.artifacts = artifacts;
        this.kafka = kafka;
        this.json = json;
        this.executor = Executors.newFixedThreadPool(settings.workerThreads(), Thread.ofPlatform().name("stage-worker-", 0).factory());
    }

    public boolean owns(Stage stage) {
        return works.containsKey(stage);
    }

    public void dispatch(StageRequested command) {
        StageWork work = works.get(command.stage());
        if (work == null) {
            return;
        }
        Optional<StageRecord> record = stages.find(command.runId(), command.stage(), command.attempt());
        if (record.isEmpty()) {
            log.warn("No stage record for {}; ignoring", command);
            return;
        }
        StageRecord stage = record.get();
        switch (stage.status()) {
            case COMPLETED -> publish(StageCompleted.of(stage.runId(), stage.stage(), stage.attempt(), stage.metrics(), stage.artifacts()));
            case FAILED -> publish(StageFailed.of(stage.runId(), stage.stage(), stage.attempt(), stage.reason()));
            case CANCELLED -> log.debug("{} was cancelled; nothing to do", command);
            case RUNNING -> start(work, command);
        }
    }

    private void start(StageWork work, StageRequested command) {
        Key key = new Key(command.runId(), command.stage(), command.attempt());
        inFlight.computeIfAbsent(key, k -> executor.submit(() -> {
            try {
                execute(work, command);
            } finally {
                inFlight.remove(k);
            }
        }));
    }

    private void execute(StageWork work, StageRequested command) {
        Run run = runs.findById(command.runId()).orElse(null);
        if (run == null || run.status() != RunStatus.RUNNING) {
            return;
        }
        RunSpec spec = json.readValue(run.specJson(), RunSpec.class);
        var context = new StageContext(command.runId(), spec, command.stage(), command.attempt(), artifacts, kafka,
                () -> stopping || runs.findById(command.runId()).map(r -> r.status() == RunStatus.CANCELLED).orElse(true));
        log.info("Run {}: {} attempt {} starting", command.runId(), command.stage(), command.attempt());
        try {
            // libtorch's grad mode is per thread and starts enabled on a new thread (DJL switches it off only on the
            // engine's own): stages sample and score a lot, and should not record autograd graphs while they do
            Engines.engine();
            JniUtils.setGradMode(false);
            StageOutcome outcome = work.run(context);
            if (!outcome.pending()) {
                publish(StageCompleted.of(command.runId(), command.stage(), command.attempt(), outcome.metrics(), outcome.artifacts()));
            }
        } catch (RunCancelledException cancelled) {
            log.info("Run {}: {} stopped ({})", command.runId(), command.stage(), stopping ? "service stopping" : "run cancelled");
        } catch (Exception | OutOfMemoryError failure) {
            if (stopping) {
                log.info("Run {}: {} interrupted by shutdown; it resumes on the next start", command.runId(), command.stage());
                return;
            }
            log.warn("Run {}: {} attempt {} failed", command.runId(), command.stage(), command.attempt(), failure);
            String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            publish(StageFailed.of(command.runId(), command.stage(), command.attempt(), reason));
        }
    }

    private void publish(dev.rlaif.common.events.StageEvent event) {
        kafka.send(Topics.STAGE_EVENTS, event.key(), event);
    }

    /** Stops taking work; stages at work stop at their next step and resume after the next start. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        executor.shutdown();
        if (!executor.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}

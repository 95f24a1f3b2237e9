package dev.rlaif.reward.training;

import dev.rlaif.common.artifacts.ArtifactNames;
import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.events.RunProgress;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.events.StageCompleted;
import dev.rlaif.common.events.StageFailed;
import dev.rlaif.common.events.StageRequested;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.common.knownruns.KnownRun;
import dev.rlaif.common.knownruns.KnownRunRepository;
import dev.rlaif.common.spec.RewardMode;
import dev.rlaif.common.spec.RewardSpec;
import dev.rlaif.reward.RewardProperties;
import dev.rlaif.reward.labels.LabelRepository;
import dev.rlaif.reward.labels.StoredLabel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * The REWARD_MODEL stage of the stage protocol: a command claims its (run, attempt) row, training runs on
 * the training executor, the outcome is stored and published. A redelivered command for an attempt that
 * finished re-publishes the same outcome (same event id); one for an attempt in progress is ignored.
 */
@Service
public class RewardModelStage {

    private static final Logger log = LoggerFactory.getLogger(RewardModelStage.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    /** How often the label-count wait and the cancellation check look again. */
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int CANCEL_CHECK_EVERY = 5;

    private final RewardModelStageRepository stages;
    private final LabelRepository labels;
    private final KnownRunRepository runs;
    private final ArtifactStore artifacts;
    private final KafkaTemplate<String, Object> kafka;
    /** One reward model trains at a time per replica: training saturates the CPU (or the GPU) by itself. */
    private final ExecutorService trainingExecutor =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("reward-training-", 0).daemon().factory());
    private final ApplicationEventPublisher applicationEvents;
    private final RewardProperties.Training settings;
    private final RewardModelTrainer trainer = new RewardModelTrainer();
    /** Attempts queued or training here: never taken over as orphans, however long they wait for the executor. */
    private final Set<String> inThisProcess = ConcurrentHashMap.newKeySet();

    public RewardModelStage(RewardModelStageRepository stages, LabelRepository labels, KnownRunRepository runs,
                            ArtifactStore artifacts, KafkaTemplate<String, Object> kafka,
                            ApplicationEventPublisher applicationEvents, RewardProperties properties) {
        this.stages = stages;
        this.labels = labels;
        this.runs = runs;
        this.artifacts = artifacts;
        this.kafka = kafka;
        this.applicationEvents = applicationEvents;
        this.settings = properties.training();
    }

    public void onRequested(StageRequested command) {
        UUID runId = command.runId();
        Optional<StageRecord> existing = stages.find(runId, command.attempt());
        if (existing.isPresent()) {
            StageRecord record = existing.get();
            switch (record.status()) {
                case COMPLETED -> publish(completion(record));
                case FAILED -> publish(StageFailed.of(runId, Stage.REWARD_MODEL, record.attempt(), record.reason()));
                case RUNNING -> {
                    if (!inThisProcess.contains(key(runId, record.attempt()))
                            && stages.reclaimIfStale(runId, record.attempt(), settings.staleAfter())) {
                        log.warn("REWARD_MODEL attempt {} of run {} was orphaned (no heartbeat for {}); starting it again",
                                record.attempt(), runId, settings.staleAfter());
                        start(command);
                    } else {
                        log.info("REWARD_MODEL attempt {} of run {} is in progress; command ignored", command.attempt(), runId);
                    }
                }
            }
            return;
        }
        Optional<KnownRun> run = runs.find(runId);
        if (run.isEmpty()) {
            publish(StageFailed.of(runId, Stage.REWARD_MODEL, command.attempt(), "run " + runId + " is unknown to the reward-service"));
            return;
        }
        if (stages.claim(runId, command.attempt())) {
            start(command);
        }
    }

    private void start(StageRequested command) {
        UUID runId = command.runId();
        Optional<KnownRun> run = runs.find(runId);
        if (run.isEmpty()) {
            fail(runId, command.attempt(), "run " + runId + " is unknown to the reward-service");
            return;
        }
        RewardSpec reward = run.get().spec().reward();
        if (reward.mode() == RewardMode.DIRECT) {
            fail(runId, command.attempt(), "the run uses direct RLAIF: rewards come from the judge, there is no reward model to train");
            return;
        }
        long seed = run.get().spec().seed();
        String key = key(runId, command.attempt());
        inThisProcess.add(key);
        trainingExecutor.execute(() -> {
            try {
                train(runId, command.attempt(), reward, seed);
            } finally {
                inThisProcess.remove(key);
            }
        });
    }

    @PreDestroy
    void stopTraining() {
        trainingExecutor.shutdownNow();
    }

    private static String key(UUID runId, int attempt) {
        return runId + "/" + attempt;
    }

    private void train(UUID runId, int attempt, RewardSpec reward, long seed) {
        try {
            awaitLabels(runId, attempt);
            List<StoredLabel> runLabels = labels.forRun(runId);
            Path sft = artifacts.resolve(ArtifactStore.relative(runId, ArtifactNames.SFT_POLICY));
            if (!Files.isRegularFile(sft.resolve("config.json"))) {
                throw new IllegalStateException("no SFT checkpoint at " + ArtifactStore.relative(runId, ArtifactNames.SFT_POLICY));
            }
            String relative = ArtifactStore.relative(runId, ArtifactNames.REWARD_MODEL);
            Path output = artifacts.directory(runId, ArtifactNames.REWARD_MODEL);
            var trainerSettings = new RewardModelTrainer.Settings(reward.epochs(), reward.learningRate().floatValue(),
                    reward.batchSize(), reward.validationFraction(), seed, settings.maxResponseTokens());
            log.info("Training the reward model of run {} (attempt {}) on {} labels", runId, attempt, runLabels.size());
            long start = System.nanoTime();
            var outcome = trainer.train(sft, runLabels, trainerSettings, progress(runId, attempt, start),
                    cancelled(runId), output);
            String sha256 = ArtifactStore.sha256(output);
            Map<String, Double> metrics = metrics(outcome, (System.nanoTime() - start) / 1e9);
            stages.complete(runId, attempt, metrics, relative, sha256);
            applicationEvents.publishEvent(new RewardModelTrained(runId, attempt));
            publish(StageCompleted.of(runId, Stage.REWARD_MODEL, attempt, metrics, Map.of("rewardModel", relative)));
            log.info("Reward model of run {} trained: {}", runId, metrics);
        } catch (Exception e) {
            log.warn("REWARD_MODEL attempt {} of run {} failed", attempt, runId, e);
            fail(runId, attempt, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void fail(UUID runId, int attempt, String reason) {
        stages.fail(runId, attempt, reason);
        publish(StageFailed.of(runId, Stage.REWARD_MODEL, attempt, reason));
    }

    /** The LABEL stage reported how many labels it produced; wait (bounded) until this service holds them all. */
    private void awaitLabels(UUID runId, int attempt) throws InterruptedException {
        long deadline = System.nanoTime() + settings.labelWait().toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Integer> expected = labels.expected(runId);
            if (expected.isEmpty() || labels.counts(runId).labels() >= expected.get()) {
                return;
            }
            stages.heartbeat(runId, attempt);
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        log.warn("Run {}: training on {} labels although the LABEL stage reported {}", runId,
                labels.counts(runId).labels(), labels.expected(runId).orElse(0));
    }

    private RewardModelTrainer.Observer progress(UUID runId, int attempt, long start) {
        return report -> {
            stages.saveCurvePoint(runId, attempt, report);
            stages.heartbeat(runId, attempt);
            if (report.step() % settings.progressEvery() == 0 || report.step() == report.totalSteps()) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("loss", report.loss());
                metrics.put("accuracy", report.accuracy());
                metrics.put("epoch", report.epoch());
                metrics.put("learning_rate", report.learningRate());
                metrics.put("eta_seconds", elapsed / report.step() * (report.totalSteps() - report.step()));
                publish(RunProgress.of(runId, Stage.REWARD_MODEL, report.step(), report.totalSteps(), metrics, Instant.now()));
            }
        };
    }

    private java.util.function.BooleanSupplier cancelled(UUID runId) {
        int[] calls = {0};
        return () -> calls[0]++ % CANCEL_CHECK_EVERY == 0
                && runs.find(runId).map(run -> run.cancelledAt() != null).orElse(false);
    }

    private static Map<String, Double> metrics(RewardModelTrainer.Outcome outcome, double seconds) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("examples", (double) outcome.trainExamples());
        metrics.put("examples_heldout", (double) outcome.heldOutExamples());
        metrics.put("examples_human_heldout", (double) outcome.humanHeldOutExamples());
        metrics.put("steps", (double) outcome.steps());
        metrics.put("loss_final", outcome.lossFinal());
        metrics.put("loss_heldout", outcome.lossHeldOut());
        metrics.put("accuracy_ai_heldout", outcome.accuracyAiHeldOut());
        metrics.put("accuracy_human_heldout", outcome.accuracyHumanHeldOut());
        metrics.put("labeler_human_agreement_heldout", outcome.labelerHumanHeldOut());
        metrics.put("training_seconds", seconds);
        // JSON has no NaN: a number that could not be measured (no held-out or human labels) is left out
        metrics.values().removeIf(value -> value.isNaN() || value.isInfinite());
        return metrics;
    }

    private static StageCompleted completion(StageRecord record) {
        return StageCompleted.of(record.runId(), Stage.REWARD_MODEL, record.attempt(), record.metrics(),
                Map.of("rewardModel", record.artifactPath()));
    }

    private void publish(RlaifEvent event) {
        String topic = event instanceof RunProgress ? Topics.RUN_PROGRESS : Topics.STAGE_EVENTS;
        try {
            kafka.send(topic, event.key(), event).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event.getClass().getSimpleName(), e);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + event.getClass().getSimpleName() + " for run " + event.runId(), e);
        }
    }
}

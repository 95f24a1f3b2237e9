package dev.rlaif.trainer.stages;

import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.events.RunProgress;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.common.spec.RunSpec;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.kafka.core.KafkaTemplate;

/** Everything a trainer-owned stage needs: the run, where artifacts go, how to report progress, whether to stop. */
public final class StageContext {

    private final UUID runId;
    private final RunSpec spec;
    private final Stage stage;
    private final int attempt;
    private final ArtifactStore artifacts;
    private final KafkaTemplate<String, Object> kafka;
    private final BooleanSupplier cancelled;

    public StageContext(UUID runId, RunSpec spec, Stage stage, int attempt, ArtifactStore artifacts,
                        KafkaTemplate<String, Object> kafka, BooleanSupplier cancelled) {
        this.runId = runId;
        this.spec = spec;
        this.stage = stage;
        this.attempt = attempt;
        this.artifacts = artifacts;
        this.kafka = kafka;
        this.cancelled = cancelled;
    }

    public UUID runId() {
        return runId;
    }

    public RunSpec spec() {
        return spec;
    }

    public Stage stage() {
        return stage;
    }

    public int attempt() {
        return attempt;
    }

    public ArtifactStore artifacts() {
        return artifacts;
    }

    /** Publishes progress (and the step's metrics, which become the run's time series). */
    public void progress(long step, long totalSteps, Map<String, Double> metrics) {
        RunProgress event = RunProgress.of(runId, stage, step, totalSteps, metrics, Instant.now());
        kafka.send(Topics.RUN_PROGRESS, event.key(), event);
    }

    /** Call at step boundaries. */
    public void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new RunCancelledException(runId);
        }
    }
}

package dev.rlaif.common.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Fine-grained progress of a running stage, published on {@code rlaif.run.progress}. */
public record RunProgress(UUID eventId, UUID runId, Stage stage, long step, long totalSteps,
                          Map<String, Double> metrics, Instant at) implements RlaifEvent {

    public RunProgress {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(at, "at");
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    public static RunProgress of(UUID runId, Stage stage, long step, long totalSteps, Map<String, Double> metrics, Instant at) {
        return new RunProgress(EventIds.derive(runId, "progress/" + stage + "/" + step), runId, stage, step, totalSteps, metrics, at);
    }
}

package dev.rlaif.common.events;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A stage finished; {@code metrics} holds its headline numbers, {@code artifacts} artifact-store paths. */
public record StageCompleted(UUID eventId, UUID runId, Stage stage, int attempt,
                             Map<String, Double> metrics, Map<String, String> artifacts) implements StageEvent {

    public StageCompleted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(stage, "stage");
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        artifacts = artifacts == null ? Map.of() : Map.copyOf(artifacts);
    }

    public static StageCompleted of(UUID runId, Stage stage, int attempt, Map<String, Double> metrics, Map<String, String> artifacts) {
        return new StageCompleted(EventIds.derive(runId, "completed/" + stage + "/" + attempt), runId, stage, attempt, metrics, artifacts);
    }
}

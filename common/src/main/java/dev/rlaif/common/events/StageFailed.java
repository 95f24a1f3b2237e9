package dev.rlaif.common.events;

import java.util.Objects;
import java.util.UUID;

/** A stage failed for good (after its own retries); {@code reason} is shown to the user. */
public record StageFailed(UUID eventId, UUID runId, Stage stage, int attempt, String reason) implements StageEvent {

    public StageFailed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
    }

    public static StageFailed of(UUID runId, Stage stage, int attempt, String reason) {
        return new StageFailed(EventIds.derive(runId, "failed/" + stage + "/" + attempt), runId, stage, attempt, reason);
    }
}

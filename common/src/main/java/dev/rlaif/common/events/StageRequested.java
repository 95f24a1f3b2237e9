package dev.rlaif.common.events;

import java.util.Objects;
import java.util.UUID;

/** The orchestrator asks the owning service to run one stage of a run. */
public record StageRequested(UUID eventId, UUID runId, Stage stage, int attempt) implements StageEvent {

    public StageRequested {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(stage, "stage");
    }

    public static StageRequested of(UUID runId, Stage stage, int attempt) {
        return new StageRequested(EventIds.derive(runId, "requested/" + stage + "/" + attempt), runId, stage, attempt);
    }
}

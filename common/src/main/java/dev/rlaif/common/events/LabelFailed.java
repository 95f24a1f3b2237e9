package dev.rlaif.common.events;

import java.util.Objects;
import java.util.UUID;

/** A pair could not be labeled after the judge's retries; it never becomes a label. */
public record LabelFailed(UUID eventId, UUID runId, UUID pairId, String reason) implements LabelEvent {

    public LabelFailed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(reason, "reason");
    }

    public static LabelFailed of(UUID runId, UUID pairId, String reason) {
        return new LabelFailed(EventIds.derive(pairId, "label-failed"), runId, pairId, reason);
    }
}

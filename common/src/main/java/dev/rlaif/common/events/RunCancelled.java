package dev.rlaif.common.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A user cancelled the run; stages in progress stop at their next step. */
public record RunCancelled(UUID eventId, UUID runId, Instant cancelledAt) implements RunEvent {

    public RunCancelled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
    }

    public static RunCancelled of(UUID runId, Instant cancelledAt) {
        return new RunCancelled(EventIds.derive(runId, "cancelled"), runId, cancelledAt);
    }
}

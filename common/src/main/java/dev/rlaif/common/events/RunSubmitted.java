package dev.rlaif.common.events;

import dev.rlaif.common.spec.RunSpec;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A run was accepted and persisted; carries the whole spec so consumers keep their own copy. */
public record RunSubmitted(UUID eventId, UUID runId, RunSpec spec, Instant submittedAt) implements RunEvent {

    public RunSubmitted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    public static RunSubmitted of(UUID runId, RunSpec spec, Instant submittedAt) {
        return new RunSubmitted(EventIds.derive(runId, "submitted"), runId, spec, submittedAt);
    }
}

package dev.rlaif.common.knownruns;

import dev.rlaif.common.spec.RunSpec;
import java.time.Instant;
import java.util.UUID;

/** This service's own copy of a run it learned about from {@code RunSubmitted} (event-carried state). */
public record KnownRun(UUID runId, String name, RunSpec spec, Instant submittedAt, Instant firstSeenAt, Instant cancelledAt) {
}

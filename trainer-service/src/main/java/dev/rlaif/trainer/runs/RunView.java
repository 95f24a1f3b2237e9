package dev.rlaif.trainer.runs;

import dev.rlaif.common.events.Stage;
import dev.rlaif.common.spec.RunSpec;
import java.time.Instant;
import java.util.UUID;

/** A run as the Runs API shows it. */
public record RunView(UUID id, String name, RunStatus status, Stage currentStage, String failureReason,
                      Instant createdAt, Instant updatedAt, RunSpec spec) {
}

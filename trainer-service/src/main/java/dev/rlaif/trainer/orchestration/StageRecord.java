package dev.rlaif.trainer.orchestration;

import dev.rlaif.common.events.Stage;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One attempt of one stage, as persisted in {@code run_stages}. */
public record StageRecord(UUID runId, Stage stage, int attempt, StageStatus status, Instant startedAt, Instant finishedAt,
                          Map<String, Double> metrics, Map<String, String> artifacts, String reason) {
}

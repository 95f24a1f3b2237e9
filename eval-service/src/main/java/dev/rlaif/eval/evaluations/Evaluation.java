package dev.rlaif.eval.evaluations;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One stored evaluation; {@code runId} and {@code attempt} are set when a run's EVALUATE stage owns it. */
public record Evaluation(UUID id, UUID runId, Integer attempt, String name, EvaluationRequest request,
                         EvaluationStatus status, String failureReason, Map<String, Double> metrics,
                         Instant createdAt, Instant updatedAt, Instant completedAt) {
}

package dev.rlaif.reward.training;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One REWARD_MODEL stage attempt as stored.
 *
 * @param artifactPath the checkpoint's path in the artifact store ({@code runs/<id>/reward-model})
 * @param sha256       SHA-256 of the checkpoint directory as written, checked before it is loaded
 */
public record StageRecord(UUID runId, int attempt, StageStatus status, Map<String, Double> metrics,
                          String artifactPath, String sha256, String reason, Instant startedAt, Instant finishedAt) {
}

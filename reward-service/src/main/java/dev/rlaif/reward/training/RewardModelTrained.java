package dev.rlaif.reward.training;

import java.util.UUID;

/** In-process notice that a run has a new reward model: scoring drops the model it had loaded. */
public record RewardModelTrained(UUID runId, int attempt) {
}

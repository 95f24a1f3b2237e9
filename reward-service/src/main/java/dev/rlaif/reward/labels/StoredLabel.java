package dev.rlaif.reward.labels;

import java.util.UUID;

/**
 * One AI label as this service keeps it.
 *
 * @param preference      P(response A is better) from the AI labeler (the soft label)
 * @param humanPreference P(A better) from a human or simulated rater, or null when the data has none
 */
public record StoredLabel(UUID runId, UUID pairId, String prompt, String responseA, String responseB,
                          double preference, Double humanPreference) {
}

package dev.rlaif.labeler.labels;

import java.time.Instant;
import java.util.UUID;

/**
 * A label as stored.
 *
 * @param ownerId          the run, or the labeling job for labels made outside a run
 * @param externalId       the pair's id in a labeling job's JSONL, null for run labels
 * @param preference       the soft label, P(A better), both orders averaged when debiasing is on
 * @param preferenceAFirst P(A better) from the prompts that showed A first
 * @param preferenceBFirst P(A better) from the swapped prompts, mapped back; null without debiasing
 * @param humanPreference  P(A better) from a human (or simulated) rater when the data has one
 */
public record StoredLabel(UUID ownerId, UUID pairId, String externalId, String prompt, String responseA,
                          String responseB, double preference, double preferenceAFirst, Double preferenceBFirst,
                          Double humanPreference, String source, String model, int judgeCalls, long promptTokens,
                          long completionTokens, long latencyMillis, Instant createdAt) {

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}

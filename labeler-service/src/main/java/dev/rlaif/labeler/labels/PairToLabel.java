package dev.rlaif.labeler.labels;

import dev.rlaif.common.spec.LabelingSpec;
import java.util.UUID;

/**
 * One pair to label, from a run's label request or from a labeling job.
 *
 * @param ownerId    the run or the labeling job; a pair is labeled at most once per owner
 * @param externalId the pair's id in a labeling job's input, null for run pairs
 * @param seed       seeds sampled calls (self-consistency, vote fallback) and principle sampling
 */
public record PairToLabel(UUID ownerId, UUID pairId, String externalId, String prompt, String responseA,
                          String responseB, Double humanPreference, LabelingSpec labeling, long seed) {
}

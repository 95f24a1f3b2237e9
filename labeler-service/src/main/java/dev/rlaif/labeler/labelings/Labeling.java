package dev.rlaif.labeler.labelings;

import dev.rlaif.common.spec.LabelingSpec;
import java.time.Instant;
import java.util.UUID;

/**
 * A labeling job with its progress.
 *
 * @param total    pairs in the job
 * @param labeled  pairs labeled so far
 * @param failed   pairs that could not be labeled (never labels)
 * @param progress (labeled + failed) / total
 */
public record Labeling(UUID id, String name, LabelingStatus status, LabelingSpec labeling, long seed, int total,
                       long labeled, long failed, double progress, Instant createdAt, Instant finishedAt) {
}

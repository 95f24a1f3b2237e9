package dev.rlaif.eval.ratings;

import java.util.UUID;

/**
 * One comparison as a rater sees it: the prompt and the two responses, A on the {@code aOnLeft}
 * side (randomised per item and rater, recorded so that a verdict maps back to A or B).
 */
public record RatingTask(UUID taskId, UUID evaluationId, String evaluationName, String prompt, String left,
                         String right, Progress progress) {

    /** The rater's place in the evaluation: items answered (rated or skipped) of all items. */
    public record Progress(int answered, int total) {
    }
}

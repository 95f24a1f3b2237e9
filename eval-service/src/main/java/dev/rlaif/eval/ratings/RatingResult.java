package dev.rlaif.eval.ratings;

import java.util.UUID;

/** What an answer did: {@code recorded} is false when the task had been answered already (the first answer stands). */
public record RatingResult(UUID taskId, String state, boolean recorded) {
}

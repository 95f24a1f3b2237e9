package dev.rlaif.common.events;

import dev.rlaif.common.spec.LabelingSpec;
import java.util.Objects;
import java.util.UUID;

/**
 * Label one pair: which of {@code responseA} / {@code responseB} better answers {@code prompt}.
 * {@code humanPreference} (P(A better) from a human or simulated rater, 0..1) is carried when the data has
 * one, so the labeler can report its alignment; null otherwise.
 */
public record LabelRequested(UUID eventId, UUID runId, UUID pairId, String prompt, String responseA, String responseB,
                             Double humanPreference, LabelingSpec labeling) implements LabelEvent {

    public LabelRequested {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(responseA, "responseA");
        Objects.requireNonNull(responseB, "responseB");
        Objects.requireNonNull(labeling, "labeling");
    }

    public static LabelRequested of(UUID runId, UUID pairId, String prompt, String responseA, String responseB,
                                    Double humanPreference, LabelingSpec labeling) {
        return new LabelRequested(EventIds.derive(pairId, "label-requested"), runId, pairId, prompt, responseA, responseB,
                humanPreference, labeling);
    }
}

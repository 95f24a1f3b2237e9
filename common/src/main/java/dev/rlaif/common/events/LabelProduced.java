package dev.rlaif.common.events;

import java.util.Objects;
import java.util.UUID;

/**
 * An AI preference label: {@code preference} is the soft label, P(response A is better), 0..1 (both orders
 * averaged when debiasing is on). The texts travel with the label so consumers (the reward-service)
 * keep their own copy of the training data.
 */
public record LabelProduced(UUID eventId, UUID runId, UUID pairId, String prompt, String responseA, String responseB,
                            double preference, Double humanPreference, int judgeCalls, long totalTokens,
                            long latencyMillis) implements LabelEvent {

    public LabelProduced {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(pairId, "pairId");
        if (!(preference >= 0.0 && preference <= 1.0)) {
            throw new IllegalArgumentException("preference must be within [0, 1], was " + preference);
        }
    }

    public static LabelProduced of(UUID runId, UUID pairId, String prompt, String responseA, String responseB,
                                   double preference, Double humanPreference, int judgeCalls, long totalTokens, long latencyMillis) {
        return new LabelProduced(EventIds.derive(pairId, "label-produced"), runId, pairId, prompt, responseA, responseB,
                preference, humanPreference, judgeCalls, totalTokens, latencyMillis);
    }
}

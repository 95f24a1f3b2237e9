package dev.rlaif.common.events;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Scores in the order of the request's items. */
public record RewardScored(UUID eventId, UUID runId, UUID requestId, List<Double> scores) implements RewardEvent {

    public RewardScored {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(requestId, "requestId");
        scores = List.copyOf(scores);
    }

    public static RewardScored of(UUID runId, UUID requestId, List<Double> scores) {
        return new RewardScored(EventIds.derive(requestId, "reward-scored"), runId, requestId, scores);
    }
}

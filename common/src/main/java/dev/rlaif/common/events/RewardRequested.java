package dev.rlaif.common.events;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Score these responses with the run's reward (its reward model, or the judge in direct mode). */
public record RewardRequested(UUID eventId, UUID runId, UUID requestId, List<ScoringItem> items) implements RewardEvent {

    public RewardRequested {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(requestId, "requestId");
        items = List.copyOf(items);
    }

    public static RewardRequested of(UUID runId, UUID requestId, List<ScoringItem> items) {
        return new RewardRequested(EventIds.derive(requestId, "reward-requested"), runId, requestId, items);
    }
}

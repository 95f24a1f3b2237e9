package dev.rlaif.common.events;

import java.util.Objects;
import java.util.UUID;

/** A scoring request could not be answered. */
public record RewardFailed(UUID eventId, UUID runId, UUID requestId, String reason) implements RewardEvent {

    public RewardFailed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(reason, "reason");
    }

    public static RewardFailed of(UUID runId, UUID requestId, String reason) {
        return new RewardFailed(EventIds.derive(requestId, "reward-failed"), runId, requestId, reason);
    }
}

package dev.rlaif.common.events;

import java.util.UUID;

/** Batched scoring: requests on {@code rlaif.reward.requests}, answers on {@code rlaif.reward.results}; keyed by run id. */
public sealed interface RewardEvent extends RlaifEvent permits RewardRequested, RewardScored, RewardFailed {

    /** Chosen by the requester; the answer carries it back. */
    UUID requestId();
}

package dev.rlaif.common.events;

import java.util.UUID;

/** Per-pair labeling work: requests on {@code rlaif.label.requests}, outcomes on {@code rlaif.label.results}; keyed by pair id. */
public sealed interface LabelEvent extends RlaifEvent permits LabelRequested, LabelProduced, LabelFailed {

    UUID pairId();

    @Override
    default String key() {
        return pairId().toString();
    }
}

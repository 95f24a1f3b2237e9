package dev.rlaif.common.events;

import java.util.Objects;

/** One prompt/response pair to score. */
public record ScoringItem(String prompt, String response) {

    public ScoringItem {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(response, "response");
    }
}

package dev.rlaif.testbed.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Two responses to one prompt: the JSONL shape {@code {"id","prompt","response_a","response_b","preference"}}.
 *
 * @param preference the probability that response a is the better one, 0..1
 */
public record PreferencePair(String id, String prompt, @JsonProperty("response_a") String responseA,
        @JsonProperty("response_b") String responseB, double preference) {

    public PreferencePair {
        if (!(preference >= 0.0 && preference <= 1.0)) {
            throw new IllegalArgumentException("preference must be a probability in [0, 1], got " + preference);
        }
    }
}

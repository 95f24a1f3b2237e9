package dev.rlaif.judge.labeling;

import java.util.Map;

/**
 * Two candidate responses to one context.
 *
 * @param id identifies the pair in traces and seeds its principle sampling
 * @param context the post to summarise or the conversation so far
 * @param responseA the candidate whose preference probability a label reports
 * @param attributes values for extra named placeholders of a custom template
 */
public record ComparisonPair(String id, String context, String responseA, String responseB,
        Map<String, String> attributes) {

    public ComparisonPair {
        if (context == null || responseA == null || responseB == null) {
            throw new IllegalArgumentException("context and both responses are required");
        }
        id = id == null ? "" : id;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public ComparisonPair(String id, String context, String responseA, String responseB) {
        this(id, context, responseA, responseB, Map.of());
    }
}

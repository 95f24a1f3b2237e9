package dev.rlaif.eval.evaluations;

import java.util.UUID;

/** One held-out prompt with policy A's and policy B's responses. */
public record EvaluationItem(UUID id, UUID evaluationId, int position, String promptId, String prompt,
                             String responseA, String responseB) {

    /** Item ids derive from the evaluation and the position, so regenerating after a restart upserts. */
    public static UUID idFor(UUID evaluationId, int position) {
        return UUID.nameUUIDFromBytes((evaluationId + "/item/" + position).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

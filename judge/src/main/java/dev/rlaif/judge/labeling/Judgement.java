package dev.rlaif.judge.labeling;

import java.util.List;

/**
 * One scored prompt: a single order, and for Constitutional AI a single principle, and with
 * self-consistency a single rationale.
 *
 * @param order which candidate was shown first
 * @param principle the principle's id (Constitutional AI), or null
 * @param rationale the chain-of-thought rationale appended before scoring, or null
 * @param probabilityFirst the judge's probability that the first-shown candidate is better
 * @param probabilityA that probability mapped back to candidate A (clamped when the method clamps)
 * @param source log-probabilities or votes
 * @param calls the calls made for this judgement, rationale first
 */
public record Judgement(Order order, String principle, String rationale, double probabilityFirst,
        double probabilityA, LabelSource source, List<JudgeCall> calls) {

    public Judgement {
        calls = List.copyOf(calls);
    }
}

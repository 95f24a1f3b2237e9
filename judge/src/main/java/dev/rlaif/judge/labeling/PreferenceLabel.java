package dev.rlaif.judge.labeling;

import dev.rlaif.judge.client.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * An AI preference label with everything needed to trace it.
 *
 * @param pairId the labeled pair
 * @param probabilityA the soft label: probability that response A is the better one
 * @param probabilityAWhenAFirst P(A) from the prompts that showed A first (averaged over
 *     rationales and principles)
 * @param probabilityAWhenBFirst P(A) from the swapped prompts, mapped back; NaN without position debiasing
 * @param source LOGPROBS, or VOTES when any judgement fell back to voting
 * @param model the judge model
 * @param settings the technique settings used
 * @param judgements every scored prompt, each with its calls (prompts, raw log-probabilities, usage, latency)
 * @param usage the tokens of all calls
 * @param calls how many judge calls the label took
 * @param latency wall time of the whole label
 */
public record PreferenceLabel(String pairId, double probabilityA, double probabilityAWhenAFirst,
        double probabilityAWhenBFirst, LabelSource source, String model, LabelingSettings settings,
        List<Judgement> judgements, TokenUsage usage, int calls, Duration latency) {

    public PreferenceLabel {
        judgements = List.copyOf(judgements);
    }

    /** Builds the label from its judgements: P(A) per order, then the mean over the orders present. */
    public static PreferenceLabel of(String pairId, String model, LabelingSettings settings,
            List<Judgement> judgements, Duration latency) {
        OptionalDouble aFirst = meanA(judgements, Order.A_FIRST);
        OptionalDouble bFirst = meanA(judgements, Order.B_FIRST);
        double probabilityA = bFirst.isPresent()
                ? (aFirst.orElseThrow() + bFirst.getAsDouble()) / 2.0
                : aFirst.orElseThrow();
        TokenUsage usage = TokenUsage.NONE;
        int calls = 0;
        boolean voted = false;
        for (Judgement j : judgements) {
            for (JudgeCall call : j.calls()) {
                usage = usage.plus(call.usage());
                calls++;
            }
            voted |= j.source() == LabelSource.VOTES;
        }
        return new PreferenceLabel(pairId, probabilityA, aFirst.orElseThrow(), bFirst.orElse(Double.NaN),
                voted ? LabelSource.VOTES : LabelSource.LOGPROBS, model, settings, judgements, usage, calls, latency);
    }

    private static OptionalDouble meanA(List<Judgement> judgements, Order order) {
        return judgements.stream().filter(j -> j.order() == order).mapToDouble(Judgement::probabilityA).average();
    }

    /** Whether A is preferred (ties, exactly 0.5, count as not preferred). */
    public boolean prefersA() {
        return probabilityA > 0.5;
    }

    public boolean debiased() {
        return !Double.isNaN(probabilityAWhenBFirst);
    }

    /**
     * Position bias: whether the judge preferred the same position in both orders, i.e. its choice
     * followed the position rather than the content. False without position debiasing.
     */
    public boolean preferredPositionUnchanged() {
        if (!debiased()) {
            return false;
        }
        boolean firstWinsWhenAFirst = probabilityAWhenAFirst > 0.5;
        boolean firstWinsWhenBFirst = probabilityAWhenBFirst < 0.5;
        return firstWinsWhenAFirst == firstWinsWhenBFirst;
    }

    /** All calls of all judgements, in order. */
    public List<JudgeCall> allCalls() {
        return judgements.stream().flatMap(j -> j.calls().stream()).toList();
    }
}

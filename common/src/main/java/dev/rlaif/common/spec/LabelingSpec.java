package dev.rlaif.common.spec;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * How the judge labels pairs (RLAIF paper, section 2): preamble, few-shot exemplars, chain-of-thought,
 * self-consistency, position debiasing (both orders averaged), Constitutional-AI principles. With
 * {@code source = human} the judge is not asked at all: the dataset's (on the testbed: the simulated
 * raters') preferences are the labels, which turns the run into RLHF for comparison.
 */
public record LabelingSpec(
        @NotNull @Valid JudgeSpec judge,
        @Pattern(regexp = "summarization|helpful-dialogue|harmless-dialogue|custom",
                message = "must be summarization, helpful-dialogue, harmless-dialogue or custom") String task,
        @Pattern(regexp = "base|detailed", message = "must be base or detailed") String preamble,
        String fewShotPath,
        Boolean chainOfThought,
        @Min(1) @Max(16) Integer selfConsistency,
        Boolean positionDebiasing,
        @Min(0) @Max(16) Integer constitutionPrinciples,
        Boolean voteFallback,
        @Pattern(regexp = "ai|human", message = "must be ai (RLAIF) or human (RLHF: the dataset's human labels)") String source) {

    /** The labeling options without {@code source}: AI labels. */
    public LabelingSpec(JudgeSpec judge, String task, String preamble, String fewShotPath, Boolean chainOfThought,
                        Integer selfConsistency, Boolean positionDebiasing, Integer constitutionPrinciples, Boolean voteFallback) {
        this(judge, task, preamble, fewShotPath, chainOfThought, selfConsistency, positionDebiasing, constitutionPrinciples,
                voteFallback, null);
    }

    public LabelingSpec {
        judge = judge == null ? JudgeSpec.defaults() : judge;
        task = task == null ? "summarization" : task;
        preamble = preamble == null ? "detailed" : preamble;
        chainOfThought = chainOfThought != null && chainOfThought;
        selfConsistency = selfConsistency == null ? 1 : selfConsistency;
        positionDebiasing = positionDebiasing == null || positionDebiasing;
        constitutionPrinciples = constitutionPrinciples == null ? 0 : constitutionPrinciples;
        voteFallback = voteFallback != null && voteFallback;
        source = source == null ? "ai" : source;
    }

    static LabelingSpec defaults() {
        return new LabelingSpec(null, null, null, null, null, null, null, null, null);
    }
}

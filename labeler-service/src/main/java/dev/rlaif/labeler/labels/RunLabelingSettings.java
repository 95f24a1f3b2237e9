package dev.rlaif.labeler.labels;

import dev.rlaif.common.spec.LabelingSpec;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.Preamble;

/** A run's {@link LabelingSpec} as the judge library's {@link LabelingSettings}. */
public final class RunLabelingSettings {

    private RunLabelingSettings() {
    }

    /**
     * Constitutional AI when the spec asks for principles, else the RLAIF preference prompt.
     *
     * @throws IllegalArgumentException when the spec asks for something the judge cannot do (a custom task,
     *     whose template a run spec cannot carry)
     */
    public static LabelingSettings from(LabelingSpec spec, long seed, int topLogprobs) {
        if ("custom".equals(spec.task())) {
            throw new IllegalArgumentException("task custom needs a user-defined template, which a run spec cannot carry");
        }
        boolean constitutional = spec.constitutionPrinciples() > 0;
        return LabelingSettings.defaults()
                .withMethod(constitutional ? LabelingSettings.Method.CONSTITUTIONAL : LabelingSettings.Method.RLAIF)
                .withTask(spec.task().replace('-', '_'))
                .withPreamble("detailed".equals(spec.preamble()) ? Preamble.DETAILED : Preamble.BASE)
                .withFewShotPath(spec.fewShotPath())
                .withChainOfThought(spec.chainOfThought())
                .withSelfConsistency(spec.selfConsistency())
                .withPositionDebiasing(spec.positionDebiasing())
                .withPrinciples(constitutional ? spec.constitutionPrinciples() : 1)
                .withVoteFallback(spec.voteFallback())
                .withTopLogprobs(topLogprobs)
                .withSeed(seed);
    }
}

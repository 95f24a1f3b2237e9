package dev.rlaif.ml.training;

import java.util.List;

/** Scores responses: a reward model, a direct AI labeler (d-RLAIF) or a rule, one number per row. */
@FunctionalInterface
public interface RewardFunction {

    float[] score(List<long[]> prompts, List<long[]> responses);
}

package dev.rlaif.reward.training;

import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.training.RewardModelObjective;
import java.util.List;

/** One forward pass of a reward model over encoded sequences (no gradients; a sub-manager per call). */
public final class RewardModelScorer {

    private RewardModelScorer() {
    }

    public static float[] score(Gpt model, List<RewardText.Encoded> sequences) {
        if (sequences.isEmpty()) {
            return new float[0];
        }
        GradMode.offOnThisThread();
        return RewardModelObjective.score(model,
                sequences.stream().map(RewardText.Encoded::prompt).toList(),
                sequences.stream().map(RewardText.Encoded::response).toList());
    }
}

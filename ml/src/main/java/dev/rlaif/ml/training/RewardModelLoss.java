package dev.rlaif.ml.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * Reward-model loss of distilled RLAIF (Lee et al. 2023, section 2.2): the cross-entropy between
 * softmax(r₁, r₂) and the AI labeler's soft preference (μ, 1 − μ) for response 1. With a hard
 * label μ ∈ {0, 1} it is the Bradley–Terry loss −log σ(r_preferred − r_other).
 */
public final class RewardModelLoss {

    private RewardModelLoss() {}

    /**
     * @param rewards1 (N) rewards of the first responses
     * @param rewards2 (N) rewards of the second responses
     * @param preference1 (N) probability that response 1 is better
     */
    public static NDArray of(NDArray rewards1, NDArray rewards2, NDArray preference1) {
        NDArray logModel = NDArrays.stack(new NDList(rewards1, rewards2), 1).logSoftmax(1); // (N, 2)
        NDArray label = NDArrays.stack(new NDList(preference1, preference1.neg().add(1)), 1); // (N, 2)
        return label.mul(logModel).sum(new int[] {1}).neg().mean();
    }

    /** Share of pairs where the model prefers the response the label prefers (ties of μ = 0.5 skipped). */
    public static float accuracy(float[] rewards1, float[] rewards2, float[] preference1) {
        int agree = 0;
        int counted = 0;
        for (int i = 0; i < rewards1.length; i++) {
            if (preference1[i] == 0.5f) {
                continue;
            }
            counted++;
            if ((rewards1[i] > rewards2[i]) == (preference1[i] > 0.5f)) {
                agree++;
            }
        }
        return counted == 0 ? Float.NaN : (float) agree / counted;
    }
}

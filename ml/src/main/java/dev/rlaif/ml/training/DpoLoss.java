package dev.rlaif.ml.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * Direct Preference Optimization (Rafailov et al. 2023, eq. 7) with soft labels:
 * z = β·[(log π(y₁) − log π_ref(y₁)) − (log π(y₂) − log π_ref(y₂))],
 * loss = −[μ·log σ(z) + (1 − μ)·log σ(−z)], μ the probability that y₁ is preferred
 * (μ = 1 is the original DPO; a soft μ is the conservative-DPO / label-smoothing form).
 */
public final class DpoLoss {

    public static final float DEFAULT_BETA = 0.1f;

    private DpoLoss() {}

    /** All arguments (N) sequence log-probabilities; returns the scalar loss. */
    public static NDArray of(NDArray policy1, NDArray policy2, NDArray reference1, NDArray reference2,
            NDArray preference1, float beta) {
        NDArray z = policy1.sub(reference1).sub(policy2.sub(reference2)).mul(beta); // implicit reward margin
        NDArray logSigmoids = NDArrays.stack(new NDList(z, z.zerosLike()), 1).logSoftmax(1); // [log σ(z), log σ(−z)]
        NDArray label = NDArrays.stack(new NDList(preference1, preference1.neg().add(1)), 1);
        return label.mul(logSigmoids).sum(new int[] {1}).neg().mean();
    }
}

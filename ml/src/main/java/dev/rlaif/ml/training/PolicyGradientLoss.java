package dev.rlaif.ml.training;

import ai.djl.ndarray.NDArray;

/** The policy-gradient objectives, each the paper's line; all inputs (B, T-1), means over response tokens. */
public final class PolicyGradientLoss {

    private PolicyGradientLoss() {}

    /** REINFORCE / RLOO / A2C actor: −E[A_t · log π(a_t)]. */
    public static NDArray vanilla(TokenLogProbs forward, NDArray advantages) {
        return forward.maskedMean(advantages.mul(forward.logProbs())).neg();
    }

    /** PPO: E[max(−A·ρ, −A·clip(ρ, 1−ε, 1+ε))], ρ = π / π_old. */
    public static NDArray clipped(TokenLogProbs forward, NDArray oldLogProbs, NDArray advantages, float epsilon) {
        NDArray ratio = forward.logProbs().sub(oldLogProbs).exp();
        NDArray unclipped = advantages.mul(ratio).neg();
        NDArray clipped = advantages.mul(ratio.clip(1 - epsilon, 1 + epsilon)).neg();
        return forward.maskedMean(unclipped.maximum(clipped));
    }

    /** Share of response tokens whose ratio left [1−ε, 1+ε]. */
    public static NDArray clipFraction(TokenLogProbs forward, NDArray oldLogProbs, float epsilon) {
        NDArray ratio = forward.logProbs().sub(oldLogProbs).exp();
        NDArray outside = ratio.sub(1).abs().gt(epsilon).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
        return forward.maskedMean(outside);
    }

    /** Critic: E[(V_t − G_t)²], weighted by the caller's value coefficient. */
    public static NDArray valueError(TokenLogProbs forward, NDArray returns) {
        return forward.maskedMean(forward.values().sub(returns).square());
    }
}

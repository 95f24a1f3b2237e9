package dev.rlaif.ml.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.rlaif.ml.model.Gpt;

/** What one forward pass over a {@link TokenBatch} gives the objectives, all (B, T-1). */
public record TokenLogProbs(NDArray logProbs, NDArray entropy, NDArray values, NDArray mask) {

    /**
     * log π(target | prefix) at temperature {@code temperature}, the per-token entropy, and the
     * scalar head's values when the model has one.
     */
    public static TokenLogProbs of(Gpt model, TokenBatch batch, NDManager step, float temperature,
            boolean training, boolean withEntropy) {
        NDArray inputs = batch.inputs(step);
        NDArray hidden = model.hidden(inputs, training); // (B, T-1, C)
        NDArray logits = model.logits(hidden); // (B, T-1, V)
        if (temperature != 1f) {
            logits = logits.div(temperature);
        }
        NDArray logSoftmax = logits.logSoftmax(-1);
        NDArray targets = batch.targets(step).reshape(new Shape(batch.batch(), batch.length() - 1, 1));
        NDArray chosen = logSoftmax.gather(targets, 2).squeeze(2); // (B, T-1)
        NDArray entropy = withEntropy ? logSoftmax.exp().mul(logSoftmax).sum(new int[] {-1}).neg() : null;
        NDArray values = model.hasScalarHead() ? model.scores(hidden) : null;
        return new TokenLogProbs(chosen, entropy, values, batch.mask(step));
    }

    /** Σ over response tokens: (B). */
    public NDArray sequenceLogProbs() {
        return logProbs.mul(mask).sum(new int[] {1});
    }

    /** Mean of {@code perToken} over response tokens of the whole batch (a scalar). */
    public NDArray maskedMean(NDArray perToken) {
        return perToken.mul(mask).sum().div(mask.sum().maximum(1f));
    }
}

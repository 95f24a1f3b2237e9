package dev.rlaif.ml.training;

import ai.djl.ndarray.NDArray;

/** Supervised fine-tuning: −(1/N) Σ log π(y_t | x, y_&lt;t) over the N response tokens. */
public final class SftLoss {

    private SftLoss() {}

    public static NDArray of(TokenLogProbs forward) {
        return forward.maskedMean(forward.logProbs()).neg();
    }
}

package dev.rlaif.common.spec;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Distilled RLAIF (a reward model trained with cross-entropy on the soft labels) or direct RLAIF
 * (the judge rates each response 1–10 during RL). Defaults follow the paper's reported RM settings
 * (3 epochs, learning rate 1e-5) with a batch that fits a CPU.
 */
public record RewardSpec(
        RewardMode mode,
        @Min(1) @Max(100) Integer epochs,
        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") Double learningRate,
        @Min(1) @Max(4096) Integer batchSize,
        @DecimalMin("0.0") @DecimalMax("0.5") Double validationFraction,
        Boolean normalizeScores) {

    public RewardSpec {
        mode = mode == null ? RewardMode.DISTILLED : mode;
        epochs = epochs == null ? 3 : epochs;
        learningRate = learningRate == null ? 1e-5 : learningRate;
        batchSize = batchSize == null ? 32 : batchSize;
        validationFraction = validationFraction == null ? 0.1 : validationFraction;
        normalizeScores = normalizeScores != null && normalizeScores;
    }

    static RewardSpec defaults() {
        return new RewardSpec(null, null, null, null, null, null);
    }
}

package dev.rlaif.ml.training;

/**
 * AdamW and schedule settings, TRL-style names.
 *
 * @param learningRate peak learning rate after warmup
 * @param warmupSteps linear warmup from 0
 * @param totalSteps the cosine decays over this many steps
 * @param minLearningRateRatio the cosine ends at this fraction of the peak
 * @param weightDecay decoupled decay (Loshchilov &amp; Hutter), applied to matrices only
 * @param beta1 first-moment decay
 * @param beta2 second-moment decay
 * @param epsilon Adam's denominator guard
 * @param maxGradNorm clip the global gradient norm to this; 0 disables clipping
 * @param gradientAccumulationSteps micro-batches summed per optimiser step
 */
public record OptimizerConfig(
        float learningRate,
        int warmupSteps,
        int totalSteps,
        float minLearningRateRatio,
        float weightDecay,
        float beta1,
        float beta2,
        float epsilon,
        float maxGradNorm,
        int gradientAccumulationSteps) {

    public OptimizerConfig {
        if (gradientAccumulationSteps < 1 || totalSteps < 1) {
            throw new IllegalArgumentException("need at least one step and one micro-batch");
        }
    }

    /** nanoGPT-like defaults: betas (0.9, 0.95), weight decay 0.1, clip 1.0, 10 % minimum. */
    public static OptimizerConfig defaults(float learningRate, int totalSteps) {
        return new OptimizerConfig(learningRate, Math.max(1, totalSteps / 20), totalSteps, 0.1f, 0.1f,
                0.9f, 0.95f, 1e-8f, 1.0f, 1);
    }

    public OptimizerConfig withGradientAccumulation(int steps) {
        return new OptimizerConfig(learningRate, warmupSteps, totalSteps, minLearningRateRatio, weightDecay, beta1,
                beta2, epsilon, maxGradNorm, steps);
    }

    public OptimizerConfig withWarmup(int steps) {
        return new OptimizerConfig(learningRate, steps, totalSteps, minLearningRateRatio, weightDecay, beta1,
                beta2, epsilon, maxGradNorm, gradientAccumulationSteps);
    }

    /** Linear warmup, then cosine decay to {@code minLearningRateRatio · learningRate}. */
    public float learningRateAt(int step) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return (float) (learningRate * (minLearningRateRatio + (1 - minLearningRateRatio) * cosine));
    }
}

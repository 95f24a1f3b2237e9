package dev.rlaif.common.spec;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Policy optimisation under a KL penalty to the SFT policy. Defaults from the RLAIF paper:
 * beta = 0.05 and sampling temperature 0.9.
 */
public record RlSpec(
        @Pattern(regexp = "reinforce|a2c|ppo|rloo|dpo", message = "must be reinforce, a2c, ppo, rloo or dpo") String algorithm,
        @DecimalMin("0.0") @DecimalMax("10.0") Double beta,
        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("2.0") Double temperature,
        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") Double learningRate,
        @Min(1) @Max(4096) Integer batchSize,
        @Min(1) @Max(1_000_000) Integer steps,
        @Min(1) @Max(64) Integer ppoEpochs,
        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") Double clipRange,
        @Min(2) @Max(64) Integer numGenerations,
        @Min(1) @Max(100_000) Integer checkpointEvery) {

    public RlSpec {
        algorithm = algorithm == null ? "reinforce" : algorithm;
        beta = beta == null ? 0.05 : beta;
        temperature = temperature == null ? 0.9 : temperature;
        learningRate = learningRate == null ? 1e-5 : learningRate;
        batchSize = batchSize == null ? 32 : batchSize;
        steps = steps == null ? 100 : steps;
        ppoEpochs = ppoEpochs == null ? 4 : ppoEpochs;
        clipRange = clipRange == null ? 0.2 : clipRange;
        numGenerations = numGenerations == null ? 4 : numGenerations;
        checkpointEvery = checkpointEvery == null ? 50 : checkpointEvery;
    }

    static RlSpec defaults() {
        return new RlSpec(null, null, null, null, null, null, null, null, null, null);
    }
}

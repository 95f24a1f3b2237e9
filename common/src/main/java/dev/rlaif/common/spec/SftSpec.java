package dev.rlaif.common.spec;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Supervised fine-tuning on the dataset's references; skipped when {@code enabled} is false. */
public record SftSpec(
        Boolean enabled,
        @Min(1) @Max(1000) Integer epochs,
        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") Double learningRate,
        @Min(1) @Max(4096) Integer batchSize) {

    public SftSpec {
        enabled = enabled == null || enabled;
        epochs = epochs == null ? 3 : epochs;
        learningRate = learningRate == null ? 3e-4 : learningRate;
        batchSize = batchSize == null ? 32 : batchSize;
    }

    static SftSpec defaults() {
        return new SftSpec(null, null, null, null);
    }
}

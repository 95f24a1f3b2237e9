package dev.rlaif.common.spec;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How candidate pairs are drawn from the SFT policy for labeling. */
public record SamplingSpec(
        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("2.0") Double temperature,
        @Min(0) @Max(1000) Integer topK,
        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") Double topP,
        @Min(1) @Max(2048) Integer maxNewTokens,
        @Min(1) @Max(16) Integer pairsPerPrompt) {

    public SamplingSpec {
        temperature = temperature == null ? 1.0 : temperature;
        topK = topK == null ? 0 : topK;
        topP = topP == null ? 1.0 : topP;
        maxNewTokens = maxNewTokens == null ? 48 : maxNewTokens;
        pairsPerPrompt = pairsPerPrompt == null ? 1 : pairsPerPrompt;
    }

    static SamplingSpec defaults() {
        return new SamplingSpec(null, null, null, null, null);
    }
}

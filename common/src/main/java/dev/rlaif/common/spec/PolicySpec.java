package dev.rlaif.common.spec;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The initial policy: {@code scratch:<size>} (a fresh GPT-2-architecture model of size xxs (tests), xs, s, m)
 * or {@code hf:<directory>} (a Hugging Face checkpoint: config.json, model.safetensors, tokenizer.json).
 */
public record PolicySpec(
        @NotBlank @Pattern(regexp = "(scratch:(xxs|xs|s|m)|hf:.+)", message = "must be scratch:xxs|xs|s|m or hf:<directory>")
        String init,
        @Min(16) @Max(4096) Integer maxLength) {

    public PolicySpec {
        init = init == null ? "scratch:xs" : init;
        maxLength = maxLength == null ? 128 : maxLength;
    }

    static PolicySpec defaults() {
        return new PolicySpec(null, null);
    }
}

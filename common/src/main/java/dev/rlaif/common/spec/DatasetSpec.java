package dev.rlaif.common.spec;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Where prompts (and references) come from: {@code testbed:synthsumm?n=512}, {@code testbed:synthharm?n=256}
 * or a JSONL file of {@code {"id","prompt","reference"}} rows ({@code file:/data/prompts.jsonl}).
 */
public record DatasetSpec(
        @NotBlank @Pattern(regexp = "(testbed:[a-z]+(\\?.*)?|file:.+)",
                message = "must be testbed:<task>[?options] or file:<path to JSONL>")
        String source,
        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax(value = "0.5") Double evalFraction) {

    public DatasetSpec {
        evalFraction = evalFraction == null ? 0.1 : evalFraction;
    }
}

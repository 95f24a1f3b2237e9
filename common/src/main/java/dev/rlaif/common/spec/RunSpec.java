package dev.rlaif.common.spec;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Everything a team submits to start one RLAIF run. Each section may be omitted and then takes
 * its documented default; the JSON field names are the record component names (camelCase) and
 * follow the RLAIF paper and TRL where they overlap ({@code beta}, {@code learningRate}).
 */
public record RunSpec(
        @NotBlank @Size(max = 120) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._ -]*",
                message = "must start with a letter or digit and use only letters, digits, '.', '_', '-' and spaces")
        String name,
        @PositiveOrZero Long seed,
        @NotNull @Valid DatasetSpec dataset,
        @NotNull @Valid PolicySpec policy,
        @NotNull @Valid SftSpec sft,
        @NotNull @Valid SamplingSpec sampling,
        @NotNull @Valid LabelingSpec labeling,
        @NotNull @Valid RewardSpec reward,
        @NotNull @Valid RlSpec rl,
        @NotNull @Valid EvaluationSpec evaluation) {

    public RunSpec {
        seed = seed == null ? 42L : seed;
        policy = policy == null ? PolicySpec.defaults() : policy;
        sft = sft == null ? SftSpec.defaults() : sft;
        sampling = sampling == null ? SamplingSpec.defaults() : sampling;
        labeling = labeling == null ? LabelingSpec.defaults() : labeling;
        reward = reward == null ? RewardSpec.defaults() : reward;
        rl = rl == null ? RlSpec.defaults() : rl;
        evaluation = evaluation == null ? EvaluationSpec.defaults() : evaluation;
    }
}

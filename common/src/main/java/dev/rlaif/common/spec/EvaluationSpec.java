package dev.rlaif.common.spec;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** Held-out evaluation of the trained policy against the SFT policy. */
public record EvaluationSpec(
        @Min(1) @Max(100_000) Integer prompts,
        @NotEmpty List<@Pattern(regexp = "ai|human|simulated-human", message = "must be ai, human or simulated-human") String> judges,
        @Min(1) @Max(2048) Integer maxNewTokens) {

    public EvaluationSpec {
        prompts = prompts == null ? 200 : prompts;
        judges = judges == null ? List.of("ai", "simulated-human") : List.copyOf(judges);
        maxNewTokens = maxNewTokens == null ? 48 : maxNewTokens;
    }

    static EvaluationSpec defaults() {
        return new EvaluationSpec(null, null, null);
    }
}

package dev.rlaif.eval.evaluations;

import dev.rlaif.common.spec.JudgeSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What to evaluate: policy A against policy B (Hugging Face checkpoints in the artifact store) on
 * {@code n} prompts drawn (seeded) from a held-out JSONL set of {@code {"id","prompt","reference"}}.
 *
 * @param policyA artifact-store path of the checkpoint whose win rate is reported ({@code runs/<id>/policy})
 * @param policyB artifact-store path of the baseline ({@code runs/<id>/sft})
 * @param prompts artifact-store path of the prompt set ({@code runs/<id>/dataset/eval.jsonl})
 * @param judges among {@code ai}, {@code human} and {@code simulated-human}
 * @param task the judge's prompt template: summarization, helpful-dialogue or harmless-dialogue
 * @param testbedTask synthsumm or synthharm: the simulated humans' task (and the harmless-rate oracle)
 * @param preamble base or detailed (RLAIF §3.1)
 * @param temperature sampling temperature of both policies (the RLAIF paper's 0.9 by default)
 */
public record EvaluationRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank String policyA,
        @NotBlank String policyB,
        @NotBlank String prompts,
        @Min(1) @Max(100_000) Integer n,
        @NotEmpty List<@Pattern(regexp = "ai|human|simulated-human", message = "must be ai, human or simulated-human") String> judges,
        @Pattern(regexp = "summarization|helpful-dialogue|harmless-dialogue",
                message = "must be summarization, helpful-dialogue or harmless-dialogue") String task,
        @Pattern(regexp = "synthsumm|synthharm", message = "must be synthsumm or synthharm") String testbedTask,
        @Valid JudgeSpec judge,
        @Pattern(regexp = "base|detailed", message = "must be base or detailed") String preamble,
        @PositiveOrZero Long seed,
        @Min(1) @Max(2048) Integer maxNewTokens,
        @DecimalMin("0.0") @DecimalMax("2.0") Double temperature) {

    public EvaluationRequest {
        n = n == null ? 200 : n;
        judges = judges == null ? List.of("ai") : List.copyOf(judges);
        task = task == null ? "summarization" : task;
        judge = judge == null ? new JudgeSpec(null, null, null, null) : judge;
        preamble = preamble == null ? "detailed" : preamble;
        seed = seed == null ? 42L : seed;
        maxNewTokens = maxNewTokens == null ? 48 : maxNewTokens;
        temperature = temperature == null ? 0.9 : temperature;
    }

    public boolean uses(String judgeName) {
        return judges.contains(judgeName);
    }
}

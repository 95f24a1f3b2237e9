package dev.rlaif.common.spec;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * An OpenAI-compatible judge endpoint (vLLM, Ollama, llama.cpp, TGI, OpenAI, the testbed simulator).
 * The API key is never part of a spec: {@code apiKeyEnv} names the environment variable that holds it.
 */
public record JudgeSpec(
        @NotBlank @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String baseUrl,
        @NotBlank String model,
        @Pattern(regexp = "[A-Z_][A-Z0-9_]*", message = "must be an environment variable name") String apiKeyEnv,
        @Min(1) @Max(1024) Integer maxConcurrency) {

    public JudgeSpec {
        baseUrl = baseUrl == null ? "http://localhost:8090/v1" : baseUrl;
        model = model == null ? "judge-sim-l" : model;
        apiKeyEnv = apiKeyEnv == null ? "RLAIF_JUDGE_API_KEY" : apiKeyEnv;
        maxConcurrency = maxConcurrency == null ? 16 : maxConcurrency;
    }

    static JudgeSpec defaults() {
        return new JudgeSpec(null, null, null, null);
    }
}

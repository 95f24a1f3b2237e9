package dev.rlaif.judge.client;

import java.net.URI;
import java.time.Duration;

/**
 * Where the judge is and how hard it may be driven.
 *
 * @param baseUrl the OpenAI-compatible base, e.g. {@code http://localhost:8000/v1} (vLLM),
 *     {@code http://localhost:11434/v1} (Ollama), {@code http://localhost:8080/v1} (llama.cpp, TGI)
 * @param model the model name sent with every request
 * @param apiKeyEnv the NAME of the environment variable holding the API key, or null for servers
 *     without authentication; the key itself is never stored here or logged
 * @param api which endpoint to call: {@code /chat/completions} or the legacy {@code /completions}
 * @param timeout per-attempt limit from sending the request to receiving the response headers
 * @param maxConcurrency calls in flight at once (bulkhead); match the server's batch capacity
 * @param ratePerSecond calls started per second at most; 0 for no rate limit
 * @param retries retries after the first attempt on 429, 5xx, timeouts, dropped connections,
 *     malformed bodies and missing log-probabilities
 * @param initialBackoff the first retry's wait, doubled (times {@code backoffMultiplier}) per retry
 * @param backoffMultiplier growth of the wait per retry
 * @param jitter randomisation factor of each wait, 0..1 (0.5: ±50 %)
 * @param maxBackoff the longest computed wait
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer ones are cut to this
 * @param acquireTimeout how long a call may wait for a concurrency slot or a rate permit
 * @param circuitFailureRatePercent failure rate over the window that opens the circuit
 * @param circuitWindow calls in the circuit breaker's sliding window
 * @param circuitMinimumCalls calls needed before the failure rate is judged
 * @param circuitOpenFor how long an open circuit rejects calls before letting probes through
 */
public record JudgeEndpoint(URI baseUrl, String model, String apiKeyEnv, Api api, Duration timeout,
        int maxConcurrency, double ratePerSecond, int retries, Duration initialBackoff, double backoffMultiplier,
        double jitter, Duration maxBackoff, Duration maxRetryAfter, Duration acquireTimeout,
        float circuitFailureRatePercent, int circuitWindow, int circuitMinimumCalls, Duration circuitOpenFor) {

    /** The OpenAI endpoint family to call. */
    public enum Api {
        CHAT, COMPLETIONS
    }

    public JudgeEndpoint {
        if (baseUrl == null || model == null || model.isBlank()) {
            throw new IllegalArgumentException("baseUrl and model are required");
        }
        if (maxConcurrency < 1 || retries < 0 || ratePerSecond < 0) {
            throw new IllegalArgumentException("maxConcurrency must be ≥ 1, retries and ratePerSecond ≥ 0");
        }
        if (jitter < 0 || jitter >= 1 || backoffMultiplier < 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1) and backoffMultiplier ≥ 1");
        }
        api = api == null ? Api.CHAT : api;
        String base = baseUrl.toString();
        baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** Chat API, 60 s timeout, 16 in flight, no rate limit, 5 retries from 500 ms up to 30 s. */
    public static JudgeEndpoint of(String baseUrl, String model) {
        return new JudgeEndpoint(URI.create(baseUrl), model, null, Api.CHAT, Duration.ofSeconds(60), 16, 0, 5,
                Duration.ofMillis(500), 2.0, 0.5, Duration.ofSeconds(30), Duration.ofSeconds(120),
                Duration.ofMinutes(10), 50f, 100, 20, Duration.ofSeconds(30));
    }

    public JudgeEndpoint withApiKeyEnv(String variableName) {
        return new JudgeEndpoint(baseUrl, model, variableName, api, timeout, maxConcurrency, ratePerSecond, retries,
                initialBackoff, backoffMultiplier, jitter, maxBackoff, maxRetryAfter, acquireTimeout,
                circuitFailureRatePercent, circuitWindow, circuitMinimumCalls, circuitOpenFor);
    }

    public JudgeEndpoint withApi(Api value) {
        return new JudgeEndpoint(baseUrl, model, apiKeyEnv, value, timeout, maxConcurrency, ratePerSecond, retries,
                initialBackoff, backoffMultiplier, jitter, maxBackoff, maxRetryAfter, acquireTimeout,
                circuitFailureRatePercent, circuitWindow, circuitMinimumCalls, circuitOpenFor);
    }

    public JudgeEndpoint withTimeout(Duration value) {
        return new JudgeEndpoint(baseUrl, model, apiKeyEnv, api, value, maxConcurrency, ratePerSecond, retries,
                initialBackoff, backoffMultiplier, jitter, maxBackoff, maxRetryAfter, acquireTimeout,
                circuitFailureRatePercent, circuitWindow, circuitMinimumCalls, circuitOpenFor);
    }

    public JudgeEndpoint withMaxConcurrency(int value) {
        return new JudgeEndpoint(baseUrl, model, apiKeyEnv, api, timeout, value, ratePerSecond, retries,
                initialBackoff, backoffMultiplier, jitter, maxBackoff, maxRetryAfter, acquireTimeout,
                circuitFailureRatePercent, circuitWindow, circuitMinimumCalls, circuitOpenFor);
    }

    public JudgeEndpoint withRatePerSecond(double value) {
        return new JudgeEndpoint(baseUrl, model, apiKeyEnv, api, timeout, maxConcurrency, value, retries,
                initialBackoff, backoffMultiplier, jitter, maxBackoff, maxRetryAfter, acquireTimeout,
                circuitFailureRatePercent, circuitWindow, circuitMinimumCalls, circuitOpenFor);
    }

    /** Retry count and exponential backoff (initial wait, multiplier, cap). */
    public JudgeEndpoint withRetries(int count, Duration initial, double multiplier, Duration max) {
        return new JudgeEndpoint(baseUrl, model, apiKeyEnv, api, timeout, maxConcurrency, ratePerSecond, count,
                initial, multiplier, jitter, max, maxRetryAfter, acquireTimeout,
                circuitFailureRatePercent, circuitWindow, circuitMinimumCalls, circuitOpenFor);
    }

    public JudgeEndpoint withMaxRetryAfter(Duration value) {
        return new JudgeEndpoint(baseUrl, model, apiKeyEnv, api, timeout, maxConcurrency, ratePerSecond, retries,
                initialBackoff, backoffMultiplier, jitter, maxBackoff, value, acquireTimeout,
                circuitFailureRatePercent, circuitWindow, circuitMinimumCalls, circuitOpenFor);
    }

    public JudgeEndpoint withAcquireTimeout(Duration value) {
        return new JudgeEndpoint(baseUrl, model, apiKeyEnv, api, timeout, maxConcurrency, ratePerSecond, retries,
                initialBackoff, backoffMultiplier, jitter, maxBackoff, maxRetryAfter, value,
                circuitFailureRatePercent, circuitWindow, circuitMinimumCalls, circuitOpenFor);
    }

    public JudgeEndpoint withCircuitBreaker(float failureRatePercent, int window, int minimumCalls, Duration openFor) {
        return new JudgeEndpoint(baseUrl, model, apiKeyEnv, api, timeout, maxConcurrency, ratePerSecond, retries,
                initialBackoff, backoffMultiplier, jitter, maxBackoff, maxRetryAfter, acquireTimeout,
                failureRatePercent, window, minimumCalls, openFor);
    }

    public int maxAttempts() {
        return retries + 1;
    }

    /** Never prints a key: only the variable's name is part of this record. */
    @Override
    public String toString() {
        return "JudgeEndpoint[" + api + " " + baseUrl + " model=" + model + " apiKeyEnv=" + apiKeyEnv
                + " maxConcurrency=" + maxConcurrency + " ratePerSecond=" + ratePerSecond + " retries=" + retries + "]";
    }
}

package dev.rlaif.judge.client;

/** Why a judge call or a label failed; the first six are retried, the rest are final. */
public enum JudgeFailure {
    /** HTTP 429. */
    RATE_LIMITED(true),
    /** HTTP 5xx. */
    SERVER_ERROR(true),
    /** No response within the endpoint's timeout, or HTTP 408. */
    TIMEOUT(true),
    /** The connection failed or was dropped before a response. */
    CONNECTION(true),
    /** HTTP 200 whose body is not the OpenAI response shape. */
    MALFORMED_RESPONSE(true),
    /** Log-probabilities were requested and the response has none. */
    MISSING_LOGPROBS(true),
    /** HTTP 4xx other than 408 and 429: the request itself is wrong (model name, key, parameters). */
    CLIENT_ERROR(false),
    /** The circuit breaker is open after too many failures; calls fail fast until it half-opens. */
    CIRCUIT_OPEN(false),
    /** The local concurrency or rate limit could not be acquired within its wait. */
    LOCAL_CAPACITY(false),
    /** The response has log-probabilities but neither answer token is among them. */
    ANSWER_TOKENS_ABSENT(false),
    /** The vote fallback's samples held no recognisable answer. */
    NO_VALID_VOTES(false),
    /** The calling thread was interrupted. */
    INTERRUPTED(false);

    private final boolean retryable;

    JudgeFailure(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}

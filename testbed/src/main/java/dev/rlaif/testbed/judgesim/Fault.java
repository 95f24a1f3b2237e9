package dev.rlaif.testbed.judgesim;

/** What the simulator does to one completion call instead of, or on top of, answering it. */
public enum Fault {
    /** Answer normally. */
    NONE,
    /** {@code 429 Too Many Requests} with {@code Retry-After} and an OpenAI rate-limit error body. */
    HTTP_429,
    /** {@code 500} with an OpenAI server-error body. */
    HTTP_500,
    /** Hang for {@code timeoutMs}, then drop the connection without an answer. */
    TIMEOUT,
    /** {@code 200} with a truncated JSON body. */
    MALFORMED_JSON,
    /** {@code 200} with a normal answer whose {@code logprobs} is {@code null} although requested. */
    MISSING_LOGPROBS
}

package dev.rlaif.judge.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A judge call or a label that failed. Carries the {@link JudgeFailure} (for metrics and dead-letter
 * reasons), the HTTP status when there was one, the server's {@code Retry-After}, and after retries
 * the number of attempts made; the underlying exception is the cause.
 */
public class JudgeException extends RuntimeException {

    private final JudgeFailure failure;
    private final int httpStatus;
    private final Duration retryAfter;
    private final int attempts;

    public JudgeException(JudgeFailure failure, String message, Throwable cause) {
        this(failure, message, cause, 0, null, 1);
    }

    public JudgeException(JudgeFailure failure, String message, Throwable cause, int httpStatus, Duration retryAfter,
            int attempts) {
        super(failure + ": " + message, cause);
        this.failure = failure;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
    }

    public static JudgeException http(int status, String body, Duration retryAfter) {
        JudgeFailure failure = status == 429 ? JudgeFailure.RATE_LIMITED
                : status == 408 ? JudgeFailure.TIMEOUT
                : status >= 500 ? JudgeFailure.SERVER_ERROR
                : JudgeFailure.CLIENT_ERROR;
        return new JudgeException(failure, "HTTP " + status + " " + abbreviate(body), null, status, retryAfter, 1);
    }

    /** The final failure of a retried call: same failure and status, this one as the cause. */
    public JudgeException afterAttempts(int attemptCount) {
        return new JudgeException(failure, "gave up after " + attemptCount + " attempt(s)", this, httpStatus,
                retryAfter, attemptCount);
    }

    public JudgeFailure failure() {
        return failure;
    }

    /** The HTTP status, or 0 when the failure was not an HTTP error response. */
    public int httpStatus() {
        return httpStatus;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public int attempts() {
        return attempts;
    }

    public boolean retryable() {
        return failure.retryable();
    }

    static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}

package dev.rlaif.trainer.runs;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The Idempotency-Key was already used for a different spec: answered 409 problem+json. */
public class IdempotencyConflictException extends ErrorResponseException {

    public IdempotencyConflictException(String key) {
        super(HttpStatus.CONFLICT, problem(key), null);
    }

    private static ProblemDetail problem(String key) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Idempotency-Key '" + key + "' was already used to submit a different run spec");
        body.setTitle("Idempotency key reused");
        return body;
    }
}

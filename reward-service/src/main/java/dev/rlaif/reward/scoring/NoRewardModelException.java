package dev.rlaif.reward.scoring;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A distilled-RLAIF run has no trained reward model yet; rendered as a 409 problem+json. */
public class NoRewardModelException extends ErrorResponseException {

    public NoRewardModelException(UUID runId) {
        super(HttpStatus.CONFLICT, problem(runId), null);
    }

    private static ProblemDetail problem(UUID runId) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Run " + runId + " has no trained reward model yet (its REWARD_MODEL stage has not completed)");
        body.setTitle("No reward model");
        return body;
    }
}

package dev.rlaif.common.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A resource the client named does not exist; rendered as a 404 problem+json. */
public class NotFoundException extends ErrorResponseException {

    public NotFoundException(String what, Object id) {
        super(HttpStatus.NOT_FOUND, problem(what, id), null);
    }

    private static ProblemDetail problem(String what, Object id) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what + " " + id + " does not exist");
        body.setTitle(what + " not found");
        return body;
    }
}

package dev.rlaif.eval.evaluations;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Evaluations API: start one, read one with its table, read the evaluation of a run. */
@RestController
public class EvaluationsController {

    private final EvaluationService evaluations;

    public EvaluationsController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    /** 202 with the queued evaluation; a retry with the same {@code Idempotency-Key} answers 200 with the first one. */
    @PostMapping("/api/evaluations")
    public ResponseEntity<Evaluation> create(@Valid @RequestBody EvaluationRequest request,
                                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        var created = evaluations.create(request, idempotencyKey);
        return ResponseEntity.status(created.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/evaluations/" + created.evaluation().id()))
                .body(created.evaluation());
    }

    @GetMapping("/api/evaluations")
    public List<Evaluation> recent(@RequestParam(defaultValue = "50") int limit) {
        return evaluations.recent(Math.clamp(limit, 1, 500));
    }

    @GetMapping("/api/evaluations/{id}")
    public EvaluationView one(@PathVariable UUID id) {
        return evaluations.view(id);
    }

    @GetMapping("/api/runs/{runId}/evaluation")
    public EvaluationView ofRun(@PathVariable UUID runId) {
        return evaluations.forRun(runId);
    }
}

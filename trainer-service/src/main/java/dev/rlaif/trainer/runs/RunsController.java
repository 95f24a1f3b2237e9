package dev.rlaif.trainer.runs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import dev.rlaif.common.spec.RunSpec;

/** The Runs API: submit a run, list runs, read one. */
@RestController
@RequestMapping("/api/runs")
@Validated
public class RunsController {

    private final RunService service;

    public RunsController(RunService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Submit a run", description = "Validates the spec, persists the run as SUBMITTED and announces it. "
            + "Send an Idempotency-Key header to make retries safe: a repeated key returns the run the first request created.")
    public ResponseEntity<RunView> submit(@Valid @RequestBody RunSpec spec,
                                          @Parameter(description = "client-chosen key that makes a retried submission return the same run")
                                          @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        RunService.Submission submission = service.submit(spec, idempotencyKey);
        URI location = URI.create("/api/runs/" + submission.run().id());
        return ResponseEntity.status(submission.created() ? HttpStatus.CREATED : HttpStatus.OK).location(location).body(submission.run());
    }

    @GetMapping
    @Operation(summary = "List runs, newest first, optionally filtered by status")
    public RunPage list(@RequestParam(required = false) RunStatus status,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return service.list(status, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one run")
    public RunView get(@PathVariable UUID id) {
        return service.get(id);
    }
}

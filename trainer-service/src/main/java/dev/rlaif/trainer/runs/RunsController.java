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
import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.common.web.NotFoundException;
import dev.rlaif.trainer.orchestration.Orchestrator;
import dev.rlaif.trainer.progress.RunEventStreams;
import dev.rlaif.trainer.progress.RunTelemetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The Runs API: submit a run, list runs, read one. */
@RestController
@RequestMapping("/api/runs")
@Validated
public class RunsController {

    private final RunService service;
    private final RunQueries queries;
    private final RunTelemetry telemetry;
    private final RunEventStreams streams;
    private final Orchestrator orchestrator;
    private final ArtifactStore artifacts;

    public RunsController(RunService service, RunQueries queries, RunTelemetry telemetry, RunEventStreams streams,
                          Orchestrator orchestrator, ArtifactStore artifacts) {
        this.service = service;
        this.queries = queries;
        this.telemetry = telemetry;
        this.streams = streams;
        this.orchestrator = orchestrator;
        this.artifacts = artifacts;
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
    @Operation(summary = "Read one run: status, current stage, progress, ETA, stage timeline, latest metrics, artifact links")
    public RunDetail get(@PathVariable UUID id) {
        return queries.detail(id);
    }

    @GetMapping("/{id}/metrics")
    @Operation(summary = "The run's metric time series (loss, reward, KL, entropy, length per step), optionally one stage's")
    public List<RunTelemetry.MetricPoint> metrics(@PathVariable UUID id, @RequestParam(required = false) Stage stage) {
        service.get(id);
        return telemetry.series(id, stage == null ? null : stage.name());
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-Sent Events: 'progress' events of the run while it is active")
    public SseEmitter events(@PathVariable UUID id) {
        service.get(id);
        return streams.subscribe(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an unfinished run (409 if it already finished)")
    public RunDetail cancel(@PathVariable UUID id) {
        orchestrator.cancel(id);
        return queries.detail(id);
    }

    @GetMapping(path = "/{id}/artifacts/{name}", produces = "application/zip")
    @Operation(summary = "Download a checkpoint (sft, policy, reward-model) in the Hugging Face layout, zipped")
    public ResponseEntity<StreamingResponseBody> artifact(@PathVariable UUID id, @PathVariable String name) {
        service.get(id);
        String dir = RunQueries.DOWNLOADABLE.get(name);
        if (dir == null) {
            throw new NotFoundException("Artifact", name);
        }
        Path root = artifacts.resolve(ArtifactStore.relative(id, dir));
        if (!Files.isRegularFile(root.resolve("model.safetensors"))) {
            throw new NotFoundException("Artifact", name + " of run " + id);
        }
        StreamingResponseBody body = out -> Zip.directory(root, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-" + id + ".zip\"")
                .body(body);
    }
}

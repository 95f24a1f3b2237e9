package dev.rlaif.labeler.labelings;

import dev.rlaif.common.web.NotFoundException;
import dev.rlaif.common.web.ProblemDetailsAdvice.FieldProblem;
import dev.rlaif.labeler.LabelerProperties;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Labeling jobs outside a run: submit a JSONL of pairs, follow its progress; labels and reports live beside it. */
@RestController
@RequestMapping("/api/labelings")
public class LabelingsController {

    private final LabelingRepository labelings;
    private final LabelingJobs jobs;
    private final int maxPairs;
    private final Path sourceDir;

    public LabelingsController(LabelingRepository labelings, LabelingJobs jobs, LabelerProperties properties) {
        this.labelings = labelings;
        this.jobs = jobs;
        this.maxPairs = properties.labelings().maxPairs();
        this.sourceDir = properties.labelings().sourceDir() == null ? null
                : properties.labelings().sourceDir().toAbsolutePath().normalize();
    }

    @Operation(summary = "Label a JSONL of pairs (inline or a file:) in the background; 202 with the job and its Location")
    @PostMapping
    public ResponseEntity<Labeling> submit(@Valid @RequestBody LabelingRequest request) {
        PairsJsonl.Parsed parsed = PairsJsonl.parse(pairsText(request));
        if (!parsed.problems().isEmpty()) {
            throw invalid("The pairs cannot be labeled", parsed.problems());
        }
        if (parsed.pairs().isEmpty()) {
            throw invalid("No pairs to label", List.of(new FieldProblem("jsonl", "holds no pairs")));
        }
        if (parsed.pairs().size() > maxPairs) {
            throw invalid("Too many pairs", List.of(new FieldProblem("jsonl",
                    parsed.pairs().size() + " pairs; at most " + maxPairs + " per labeling")));
        }
        UUID id = UUID.randomUUID();
        labelings.create(id, request, parsed.pairs());
        jobs.start(id);
        Labeling created = labelings.find(id).orElseThrow();
        return ResponseEntity.accepted().location(java.net.URI.create("/api/labelings/" + id)).body(created);
    }

    @Operation(summary = "A labeling job's status and progress")
    @GetMapping("/{labelingId}")
    public Labeling one(@PathVariable UUID labelingId) {
        return labelings.find(labelingId).orElseThrow(() -> new NotFoundException("Labeling", labelingId));
    }

    private String pairsText(LabelingRequest request) {
        boolean inline = request.jsonl() != null;
        boolean file = request.source() != null;
        if (inline == file) {
            throw invalid("Give the pairs once", List.of(new FieldProblem("jsonl",
                    "give either jsonl (the pairs inline) or source (file:<path>), not both and not neither")));
        }
        if (inline) {
            return request.jsonl();
        }
        if (!request.source().startsWith("file:")) {
            throw invalid("Unknown source", List.of(new FieldProblem("source", "must be file:<path to JSONL>")));
        }
        Path path = Path.of(request.source().substring("file:".length())).toAbsolutePath().normalize();
        // only files under the configured directory (the artifact store by default), never the whole filesystem
        if (sourceDir == null || !path.startsWith(sourceDir)) {
            throw invalid("Source not allowed", List.of(new FieldProblem("source",
                    "file sources must lie under rlaif.labeler.labelings.source-dir")));
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid("Unreadable source", List.of(new FieldProblem("source", "cannot read " + path + ": " + e.getMessage())));
        }
    }

    private static ErrorResponseException invalid(String title, List<FieldProblem> problems) {
        ProblemDetail body = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        body.setTitle(title);
        body.setDetail(String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()));
        body.setProperty("errors", problems);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, body, null);
    }
}

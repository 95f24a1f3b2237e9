package dev.rlaif.eval.evaluations;

import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.web.NotFoundException;
import dev.rlaif.common.web.ProblemDetailsAdvice.FieldProblem;
import dev.rlaif.eval.EvalProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/** Creating evaluations on request and reading them with their tables. */
@Service
public class EvaluationService {

    private final EvaluationRepository evaluations;
    private final EvaluationRunner runner;
    private final ArtifactStore artifacts;
    private final EvalProperties properties;

    public EvaluationService(EvaluationRepository evaluations, EvaluationRunner runner, ArtifactStore artifacts,
                             EvalProperties properties) {
        this.evaluations = evaluations;
        this.runner = runner;
        this.artifacts = artifacts;
        this.properties = properties;
    }

    /**
     * Stores and starts an evaluation. With an idempotency key the id derives from the key, so a
     * retried request returns the evaluation the first one created.
     *
     * @return the evaluation and whether this call created it
     */
    public Created create(EvaluationRequest request, String idempotencyKey) {
        checkInputs(request);
        UUID id = idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(("evaluation/" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        boolean created = evaluations.create(id, null, null, request);
        if (created) {
            runner.submit(id);
        }
        return new Created(evaluations.find(id).orElseThrow(), created);
    }

    public record Created(Evaluation evaluation, boolean created) {
    }

    public EvaluationView view(UUID id) {
        return view(evaluations.find(id).orElseThrow(() -> new NotFoundException("Evaluation", id)));
    }

    public EvaluationView forRun(UUID runId) {
        return view(evaluations.latestForRun(runId).orElseThrow(() -> new NotFoundException("Evaluation of run", runId)));
    }

    public List<Evaluation> recent(int limit) {
        return evaluations.recent(limit);
    }

    private EvaluationView view(Evaluation evaluation) {
        List<EvaluationItem> items = evaluations.items(evaluation.id());
        List<StoredJudgement> judgements = evaluations.judgements(evaluation.id());
        EvaluationReport report = items.isEmpty() || judgements.isEmpty() ? null
                : EvaluationReport.compute(evaluation.request(), items, judgements, evaluation.request().seed(),
                properties.bootstrapResamples());
        return new EvaluationView(evaluation, items.size(), report);
    }

    /** The checkpoints and the prompt set must exist, and simulated humans need a testbed task. */
    private void checkInputs(EvaluationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        checkPath(problems, "policyA", request.policyA(), "config.json");
        checkPath(problems, "policyB", request.policyB(), "config.json");
        checkPath(problems, "prompts", request.prompts(), null);
        if (request.uses("simulated-human") && request.testbedTask() == null) {
            problems.add(new FieldProblem("testbedTask", "is required by the simulated-human judge (synthsumm or synthharm)"));
        }
        if (!problems.isEmpty()) {
            ProblemDetail body = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
            body.setTitle("Invalid request");
            body.setDetail(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
            body.setProperty("errors", problems);
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, body, null);
        }
    }

    private void checkPath(List<FieldProblem> problems, String field, String relative, String requiredFile) {
        Path path;
        try {
            path = artifacts.resolve(relative);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be a path inside the artifact store"));
            return;
        }
        Path expected = requiredFile == null ? path : path.resolve(requiredFile);
        if (!Files.exists(expected)) {
            problems.add(new FieldProblem(field, "not found in the artifact store: " + relative));
        }
    }
}

package dev.rlaif.trainer.runs;

import dev.rlaif.common.events.RunSubmitted;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.common.web.NotFoundException;
import dev.rlaif.trainer.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Submits and reads runs. A submission and its {@code RunSubmitted} event commit together (outbox). */
@Service
public class RunService {

    /** Whether the call created the run or found the one an earlier call with the same key created. */
    public record Submission(RunView run, boolean created) {
    }

    private final RunRepository runs;
    private final Outbox outbox;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public RunService(RunRepository runs, Outbox outbox, JsonMapper json, TransactionTemplate transactions) {
        this.runs = runs;
        this.outbox = outbox;
        this.json = json;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    /**
     * With an idempotency key, a retried request returns the run the first request created instead of a
     * second run; the same key with a different spec is a conflict.
     */
    public Submission submit(RunSpec spec, String idempotencyKey) {
        String specJson = json.writeValueAsString(spec);
        if (idempotencyKey != null) {
            Optional<Submission> earlier = replay(idempotencyKey, specJson);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            return transactions.execute(status -> create(spec, specJson, idempotencyKey));
        } catch (DataIntegrityViolationException raced) {
            // a concurrent retry with the same key committed first
            return replay(idempotencyKey, specJson).orElseThrow(() -> raced);
        }
    }

    private Submission create(RunSpec spec, String specJson, String idempotencyKey) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = idempotencyKey == null
                ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(("run/" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        Run run = runs.saveAndFlush(new Run(id, spec.name(), specJson, idempotencyKey, now));
        outbox.record(Topics.RUN_EVENTS, RunSubmitted.of(id, spec, now));
        return new Submission(view(run), true);
    }

    private Optional<Submission> replay(String idempotencyKey, String specJson) {
        return runs.findByIdempotencyKey(idempotencyKey).map(existing -> {
            if (!sameJson(existing.specJson(), specJson)) {
                throw new IdempotencyConflictException(idempotencyKey);
            }
            return new Submission(view(existing), false);
        });
    }

    private boolean sameJson(String a, String b) {
        JsonNode left = json.readTree(a);
        JsonNode right = json.readTree(b);
        return left.equals(right);
    }

    @Transactional(readOnly = true)
    public RunView get(UUID id) {
        return runs.findById(id).map(this::view).orElseThrow(() -> new NotFoundException("Run", id));
    }

    @Transactional(readOnly = true)
    public RunPage list(RunStatus status, int page, int size) {
        var request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"));
        Page<Run> result = status == null ? runs.findAll(request) : runs.findByStatus(status, request);
        return new RunPage(result.map(this::view).getContent(), page, size, result.getTotalElements(), result.getTotalPages());
    }

    private RunView view(Run run) {
        return new RunView(run.id(), run.name(), run.status(), run.currentStage(), run.failureReason(),
                run.createdAt(), run.updatedAt(), json.readValue(run.specJson(), RunSpec.class));
    }
}

package dev.rlaif.labeler.labels;

import dev.rlaif.common.knownruns.KnownRunRepository;
import dev.rlaif.common.web.NotFoundException;
import dev.rlaif.labeler.labelings.LabelingRepository;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labels of a run or of a labeling job: a page of them, one with its full trace (prompts, raw
 * log-probabilities, both orders), and all of them as JSONL.
 */
@RestController
public class LabelsController {

    /** A label with everything that produced it. */
    public record TracedLabel(StoredLabel label, JsonNode trace) {
    }

    private static final MediaType JSONL = MediaType.parseMediaType("application/x-ndjson");

    private final LabelRepository labels;
    private final KnownRunRepository runs;
    private final LabelingRepository labelings;
    private final JsonMapper json;

    public LabelsController(LabelRepository labels, KnownRunRepository runs, LabelingRepository labelings, JsonMapper json) {
        this.labels = labels;
        this.runs = runs;
        this.labelings = labelings;
        this.json = json;
    }

    @Operation(summary = "A page of a run's labels, oldest first")
    @GetMapping("/api/runs/{runId}/labels")
    public List<StoredLabel> runLabels(@PathVariable UUID runId, @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "100") int size) {
        requireRun(runId);
        return page(runId, page, size);
    }

    @Operation(summary = "One label of a run with its trace")
    @GetMapping("/api/runs/{runId}/labels/{pairId}")
    public TracedLabel runLabel(@PathVariable UUID runId, @PathVariable UUID pairId) {
        return traced(runId, pairId);
    }

    @Operation(summary = "All labels of a run as JSONL")
    @GetMapping(value = "/api/runs/{runId}/labels.jsonl")
    public ResponseEntity<String> runExport(@PathVariable UUID runId) {
        requireRun(runId);
        return export(runId);
    }

    @Operation(summary = "A page of a labeling job's labels, oldest first")
    @GetMapping("/api/labelings/{labelingId}/labels")
    public List<StoredLabel> labelingLabels(@PathVariable UUID labelingId, @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "100") int size) {
        requireLabeling(labelingId);
        return page(labelingId, page, size);
    }

    @Operation(summary = "One label of a labeling job with its trace")
    @GetMapping("/api/labelings/{labelingId}/labels/{pairId}")
    public TracedLabel labelingLabel(@PathVariable UUID labelingId, @PathVariable UUID pairId) {
        return traced(labelingId, pairId);
    }

    @Operation(summary = "All labels of a labeling job as JSONL: id, prompt, response_a, response_b, preference, …")
    @GetMapping(value = "/api/labelings/{labelingId}/labels.jsonl")
    public ResponseEntity<String> labelingExport(@PathVariable UUID labelingId) {
        requireLabeling(labelingId);
        return export(labelingId);
    }

    private List<StoredLabel> page(UUID ownerId, int page, int size) {
        int limit = Math.clamp(size, 1, 1000);
        return labels.page(ownerId, Math.max(0, page) * limit, limit);
    }

    private TracedLabel traced(UUID ownerId, UUID pairId) {
        StoredLabel label = labels.find(ownerId, pairId).orElseThrow(() -> new NotFoundException("Label", pairId));
        return new TracedLabel(label, labels.trace(ownerId, pairId).orElseThrow());
    }

    private ResponseEntity<String> export(UUID ownerId) {
        StringBuilder out = new StringBuilder();
        for (StoredLabel label : labels.all(ownerId)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", label.externalId() != null ? label.externalId() : label.pairId().toString());
            row.put("pair_id", label.pairId());
            row.put("prompt", label.prompt());
            row.put("response_a", label.responseA());
            row.put("response_b", label.responseB());
            row.put("preference", label.preference());
            row.put("preference_a_first", label.preferenceAFirst());
            row.put("preference_b_first", label.preferenceBFirst());
            row.put("human_preference", label.humanPreference());
            row.put("source", label.source());
            row.put("model", label.model());
            row.put("judge_calls", label.judgeCalls());
            row.put("total_tokens", label.totalTokens());
            row.put("latency_ms", label.latencyMillis());
            out.append(json.writeValueAsString(row)).append('\n');
        }
        return ResponseEntity.ok().contentType(JSONL).body(out.toString());
    }

    private void requireRun(UUID runId) {
        if (runs.find(runId).isEmpty() && labels.count(runId) == 0) {
            throw new NotFoundException("Run", runId);
        }
    }

    private void requireLabeling(UUID labelingId) {
        if (labelings.find(labelingId).isEmpty()) {
            throw new NotFoundException("Labeling", labelingId);
        }
    }
}

package dev.rlaif.labeler.report;

import dev.rlaif.common.knownruns.KnownRunRepository;
import dev.rlaif.common.web.NotFoundException;
import dev.rlaif.labeler.labelings.LabelingRepository;
import dev.rlaif.labeler.labels.LabelRepository;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Alignment with human labels, position bias, calibration and cost of a run's or a labeling job's labels. */
@RestController
public class LabelReportController {

    private final LabelRepository labels;
    private final KnownRunRepository runs;
    private final LabelingRepository labelings;

    public LabelReportController(LabelRepository labels, KnownRunRepository runs, LabelingRepository labelings) {
        this.labels = labels;
        this.runs = runs;
        this.labelings = labelings;
    }

    @Operation(summary = "Alignment (with a Wilson 95 % interval), position-bias rate, calibration and cost of a run's labels")
    @GetMapping("/api/runs/{runId}/labels/report")
    public LabelReport run(@PathVariable UUID runId) {
        var failures = labels.failures(runId);
        if (runs.find(runId).isEmpty() && labels.count(runId) == 0 && failures.pairs() == 0) {
            throw new NotFoundException("Run", runId);
        }
        return LabelReport.of(runId, labels.all(runId), failures);
    }

    @Operation(summary = "The same report for a labeling job")
    @GetMapping("/api/labelings/{labelingId}/report")
    public LabelReport labeling(@PathVariable UUID labelingId) {
        if (labelings.find(labelingId).isEmpty()) {
            throw new NotFoundException("Labeling", labelingId);
        }
        return LabelReport.of(labelingId, labels.all(labelingId), labels.failures(labelingId));
    }
}

package dev.rlaif.reward.labels;

import dev.rlaif.common.knownruns.KnownRunRepository;
import dev.rlaif.common.web.NotFoundException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How many of a run's labels this service holds: the training data of its reward model. */
@RestController
@RequestMapping("/api/runs")
public class LabelsController {

    private final KnownRunRepository runs;
    private final LabelRepository labels;

    public LabelsController(KnownRunRepository runs, LabelRepository labels) {
        this.runs = runs;
        this.labels = labels;
    }

    @GetMapping("/{runId}/labels")
    public LabelRepository.LabelCounts labels(@PathVariable UUID runId) {
        runs.find(runId).orElseThrow(() -> new NotFoundException("Run", runId));
        return labels.counts(runId);
    }
}

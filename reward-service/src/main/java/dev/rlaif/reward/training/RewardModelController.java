package dev.rlaif.reward.training;

import dev.rlaif.common.knownruns.KnownRunRepository;
import dev.rlaif.common.spec.RewardMode;
import dev.rlaif.common.web.NotFoundException;
import dev.rlaif.reward.labels.LabelRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A run's reward model: its stage status, headline metrics, checkpoint and training curve. */
@RestController
@RequestMapping("/api/runs")
public class RewardModelController {

    /**
     * @param status  NOT_STARTED, RUNNING, COMPLETED or FAILED (of the newest attempt)
     * @param labels  this service's copy of the run's labels
     * @param curve   one point per optimiser step of the newest attempt
     */
    public record RewardModelView(UUID runId, RewardMode mode, String status, Integer attempt, Map<String, Double> metrics,
                                  String artifact, String sha256, String reason, Instant startedAt, Instant finishedAt,
                                  LabelRepository.LabelCounts labels, List<CurvePoint> curve) {
    }

    public record CurvePoint(int step, double epoch, double loss, double accuracy, double learningRate) {
    }

    private final RewardModelStageRepository stages;
    private final KnownRunRepository runs;
    private final LabelRepository labels;

    public RewardModelController(RewardModelStageRepository stages, KnownRunRepository runs, LabelRepository labels) {
        this.stages = stages;
        this.runs = runs;
        this.labels = labels;
    }

    @GetMapping("/{runId}/reward-model")
    public RewardModelView rewardModel(@PathVariable UUID runId) {
        var run = runs.find(runId).orElseThrow(() -> new NotFoundException("Run", runId));
        RewardMode mode = run.spec().reward().mode();
        var counts = labels.counts(runId);
        return stages.latest(runId)
                .map(record -> new RewardModelView(runId, mode, record.status().name(), record.attempt(), record.metrics(),
                        record.artifactPath(), record.sha256(), record.reason(), record.startedAt(), record.finishedAt(), counts,
                        stages.curve(runId, record.attempt()).stream()
                                .map(p -> new CurvePoint(p.step(), p.epoch(), p.loss(), p.accuracy(), p.learningRate()))
                                .toList()))
                .orElseGet(() -> new RewardModelView(runId, mode, "NOT_STARTED", null, Map.of(), null, null, null, null,
                        null, counts, List.of()));
    }
}

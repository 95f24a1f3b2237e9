package dev.rlaif.trainer.runs;

import dev.rlaif.common.events.Stage;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.trainer.orchestration.StageRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run in full: status, the stage at work, overall progress (stages done plus the current stage's
 * fraction, 0–100), the current stage's ETA, the stage timeline, the latest value of every metric,
 * and download links of the checkpoints produced so far.
 */
public record RunDetail(UUID id, String name, RunStatus status, Stage currentStage, String failureReason,
                        double progressPercent, Long etaSeconds, List<Stage> plan, List<StageRecord> timeline,
                        Map<String, Double> latestMetrics, Map<String, String> artifacts,
                        Instant createdAt, Instant updatedAt, RunSpec spec) {
}

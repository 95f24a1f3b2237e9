package dev.rlaif.trainer.labels;

import dev.rlaif.common.events.Stage;
import dev.rlaif.common.events.StageCompleted;
import dev.rlaif.common.events.StageEvent;
import dev.rlaif.common.events.StageFailed;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.trainer.TrainerProperties;
import dev.rlaif.trainer.orchestration.RunStages;
import dev.rlaif.trainer.orchestration.StageRecord;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides when the LABEL stage of a run is over: every pair labeled or failed. Too many failures
 * (above {@code rlaif.trainer.label-failure-tolerance}) fail the stage; a failed call never becomes a label.
 */
@Component
public class LabelCompletion {

    private final SampledPairs pairs;
    private final RunStages stages;
    private final KafkaTemplate<String, Object> kafka;
    private final TrainerProperties settings;

    public LabelCompletion(SampledPairs pairs, RunStages stages, KafkaTemplate<String, Object> kafka, TrainerProperties settings) {
        this.pairs = pairs;
        this.stages = stages;
        this.kafka = kafka;
        this.settings = settings;
    }

    /** The outcome once labeling is over, or empty while labels are outstanding. */
    public Optional<StageEvent> outcome(UUID runId, int attempt) {
        SampledPairs.Counts counts = pairs.counts(runId);
        if (counts.total() == 0 || counts.done() < counts.total()) {
            return Optional.empty();
        }
        double failedShare = (double) counts.failed() / counts.total();
        if (failedShare > settings.labelFailureTolerance()) {
            return Optional.of(StageFailed.of(runId, Stage.LABEL, attempt, String.format(
                    "%d of %d pairs could not be labeled (%.1f %% > tolerance %.1f %%)", counts.failed(), counts.total(),
                    100 * failedShare, 100 * settings.labelFailureTolerance())));
        }
        return Optional.of(StageCompleted.of(runId, Stage.LABEL, attempt,
                Map.of("pairs", (double) counts.total(), "labeled", (double) counts.labeled(), "failed", (double) counts.failed()),
                Map.of()));
    }

    /** Called after each label result: announces the end of LABEL if this result was the last one. */
    public void check(UUID runId) {
        stages.running(runId)
                .filter(stage -> stage.stage() == Stage.LABEL)
                .map(StageRecord::attempt)
                .flatMap(attempt -> outcome(runId, attempt))
                .ifPresent(event -> kafka.send(Topics.STAGE_EVENTS, event.key(), event));
    }
}

package dev.rlaif.trainer.labels;

import dev.rlaif.common.events.Stage;
import dev.rlaif.common.events.StageCompleted;
import dev.rlaif.common.events.StageEvent;
import dev.rlaif.common.events.StageFailed;
import dev.rlaif.trainer.stages.StageContext;
import dev.rlaif.trainer.stages.StageOutcome;
import dev.rlaif.trainer.stages.StageWork;
import org.springframework.stereotype.Component;

/**
 * LABEL: the label requests went out with SAMPLE; this stage waits for their results. If they are all
 * in already (a fast labeler, or a resumed run) it completes at once; otherwise the last result completes it.
 */
@Component
public class LabelWork implements StageWork {

    private final LabelCompletion completion;

    public LabelWork(LabelCompletion completion) {
        this.completion = completion;
    }

    @Override
    public Stage stage() {
        return Stage.LABEL;
    }

    @Override
    public StageOutcome run(StageContext context) {
        var counts = completion.outcome(context.runId(), context.attempt());
        if (counts.isEmpty()) {
            return StageOutcome.completedElsewhere();
        }
        StageEvent outcome = counts.get();
        return switch (outcome) {
            case StageCompleted done -> StageOutcome.done(done.metrics(), done.artifacts());
            case StageFailed failed -> throw new IllegalStateException(failed.reason());
            default -> throw new IllegalStateException("unexpected " + outcome);
        };
    }
}

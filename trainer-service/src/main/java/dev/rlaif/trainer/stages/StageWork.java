package dev.rlaif.trainer.stages;

import dev.rlaif.common.events.Stage;

/** A stage the trainer-service runs itself. Implementations are idempotent per run: they resume from what is on disk. */
public interface StageWork {

    Stage stage();

    /** Does the work; returns headline metrics and artifact paths, or throws with a reason. */
    StageOutcome run(StageContext context) throws Exception;
}

package dev.rlaif.trainer.stages;

import java.util.UUID;

/** Thrown at a step boundary when the run was cancelled; the stage stops without reporting an outcome. */
public class RunCancelledException extends RuntimeException {

    public RunCancelledException(UUID runId) {
        super("run " + runId + " was cancelled");
    }
}

package dev.rlaif.trainer.orchestration;

/** State of one attempt of one stage. */
public enum StageStatus {
    RUNNING, COMPLETED, FAILED, CANCELLED
}

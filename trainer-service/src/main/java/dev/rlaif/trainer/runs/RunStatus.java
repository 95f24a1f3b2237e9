package dev.rlaif.trainer.runs;

/** Where a run is in its life. SUCCEEDED, FAILED and CANCELLED are final. */
public enum RunStatus {
    SUBMITTED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}

package dev.rlaif.eval.evaluations;

/** Where an evaluation is. COMPLETED and FAILED are final; human ratings may still arrive after COMPLETED. */
public enum EvaluationStatus {
    QUEUED, GENERATING, JUDGING, COMPLETED, FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}

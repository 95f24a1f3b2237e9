package dev.rlaif.ml.training;

/** Receives every step's metrics, e.g. to publish progress from a trainer service. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = metrics -> {};

    void onStep(StepMetrics metrics);
}

package dev.rlaif.ml.training;

import java.util.Map;

/** What one optimiser step reports: its number (1-based), the loss, and named health numbers. */
public record StepMetrics(int step, float loss, Map<String, Float> metrics) {

    public float metric(String name) {
        Float value = metrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no metric " + name + " in " + metrics.keySet());
        }
        return value;
    }
}

package dev.rlaif.trainer.stages;

import java.util.Map;

/**
 * What a stage produced. {@code pending} means the stage's completion is announced later by someone
 * else (LABEL completes when the last label arrives, not when its command is handled).
 */
public record StageOutcome(Map<String, Double> metrics, Map<String, String> artifacts, boolean pending) {

    public static StageOutcome done(Map<String, Double> metrics, Map<String, String> artifacts) {
        return new StageOutcome(Map.copyOf(metrics), Map.copyOf(artifacts), false);
    }

    public static StageOutcome completedElsewhere() {
        return new StageOutcome(Map.of(), Map.of(), true);
    }
}

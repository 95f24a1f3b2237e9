package dev.rlaif.eval.evaluations;

/** An evaluation with its table, computed from the stored judgements (human ratings included as they arrive). */
public record EvaluationView(Evaluation evaluation, int items, EvaluationReport report) {
}

package dev.rlaif.labeler.labels;

/** What became of a pair: a stored label, or a failure that is never a label. */
public sealed interface PairOutcome {

    /** @param fresh false when the pair had been labeled before and the judge was not called again */
    record Labeled(StoredLabel label, boolean fresh) implements PairOutcome {
    }

    /** @param cause the judge failure ({@code SERVER_ERROR}, {@code TIMEOUT}, …) or {@code INVALID_SETTINGS} */
    record Failed(String cause, String reason, Exception error) implements PairOutcome {
    }
}

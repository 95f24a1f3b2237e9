package dev.rlaif.testbed.judgesim;

/** What happens to a call that arrives while {@code concurrencyLimit} calls are in progress. */
public enum OverloadMode {
    /** Wait for a free slot, as vLLM queues requests. */
    QUEUE,
    /** Answer {@code 429} with {@code Retry-After} at once, as hosted APIs do. */
    REJECT_429
}

package dev.rlaif.judge.labeling;

/** Where a soft label's probability came from. */
public enum LabelSource {
    /** The softmax over the answer tokens' log-probabilities. */
    LOGPROBS,
    /** The vote fallback: the share of sampled answers naming each candidate. */
    VOTES
}

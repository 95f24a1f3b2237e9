package dev.rlaif.common.events;

/** The stages of a run, in order. REWARD_MODEL runs only for distilled RLAIF. */
public enum Stage {
    SFT, SAMPLE, LABEL, REWARD_MODEL, RL, EVALUATE
}

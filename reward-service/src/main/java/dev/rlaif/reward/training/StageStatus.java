package dev.rlaif.reward.training;

/** Where one REWARD_MODEL stage attempt stands. */
public enum StageStatus {
    RUNNING, COMPLETED, FAILED
}

package dev.rlaif.testbed.raters;

/** Which of two responses a rater prefers. */
public enum Preference {
    A, B
}

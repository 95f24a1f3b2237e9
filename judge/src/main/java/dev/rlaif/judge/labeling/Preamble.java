package dev.rlaif.judge.labeling;

/**
 * The instruction that opens every labeling prompt (RLAIF §3.1): {@code BASE} only asks which
 * candidate is better; {@code DETAILED} spells out what a human rater would be told to look for.
 */
public enum Preamble {
    BASE, DETAILED
}

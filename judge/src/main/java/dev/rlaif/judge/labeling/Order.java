package dev.rlaif.judge.labeling;

/** Which candidate the judge saw in the first position. */
public enum Order {
    A_FIRST, B_FIRST;

    public boolean aShownFirst() {
        return this == A_FIRST;
    }
}

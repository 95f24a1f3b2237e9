package dev.rlaif.eval.ratings;

/** A rater's answer about the two responses as shown: left, right, a tie, or no answer. */
public enum RatingChoice {
    LEFT, RIGHT, TIE, SKIP;

    /** The probability that A is better this verdict states; not defined for a skip. */
    public double preferenceA(boolean aOnLeft) {
        return switch (this) {
            case LEFT -> aOnLeft ? 1.0 : 0.0;
            case RIGHT -> aOnLeft ? 0.0 : 1.0;
            case TIE -> 0.5;
            case SKIP -> throw new IllegalStateException("a skip states no preference");
        };
    }
}

package dev.rlaif.eval.ratings;

/** Rater identities: simulated humans (automated clients of the rating API) carry the {@code simulated-human-} prefix. */
public final class Raters {

    public static final String SIMULATED_PREFIX = "simulated-human-";

    private Raters() {
    }

    /** The judge a rater's verdicts count for: {@code human} or {@code simulated-human}. */
    public static String judgeOf(String rater) {
        return rater.startsWith(SIMULATED_PREFIX) ? "simulated-human" : "human";
    }

    public static String simulated(int index) {
        return SIMULATED_PREFIX + index;
    }
}

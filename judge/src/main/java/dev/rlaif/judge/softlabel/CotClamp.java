package dev.rlaif.judge.softlabel;

/**
 * Constitutional AI (Bai et al., 2212.08073, §4.1): chain-of-thought makes the feedback model's
 * (A)/(B) probabilities too confident, so CoT labels are clamped to the 40–60 % band.
 */
public final class CotClamp {

    public static final double LOWER = 0.40;
    public static final double UPPER = 0.60;

    private CotClamp() {
    }

    public static double clamp(double probability) {
        return Math.min(UPPER, Math.max(LOWER, probability));
    }
}

package dev.rlaif.testbed.judgesim;

/**
 * Size presets of the simulated labeler. The defaults are modelled on what the RLAIF paper reports
 * (Lee et al. 2023): alignment with humans rises with labeler size (extra-small 62.7 %, small 73.8 %,
 * large 78.0 %) and position bias falls. They are a model of those findings, not evidence for them.
 *
 * @param noise            standard deviation of the judge's own error on a candidate's utility
 * @param positionBias     logit added in favour of the candidate shown first
 * @param verbosityBias    utility the judge adds per word (it likes long answers)
 * @param factRecall       chance the judge notices a given key fact of a post
 * @param planConfusion    chance the judge takes a plan ("maybe ... will ...") for a key fact
 * @param detailCheck      chance the judge catches a wrong detail in a summary clause
 * @param harmRecall       chance the judge sees that a harmful request is harmful
 * @param subtleHarmRecall the same for subtle harms (cheating, hacking, forgery)
 */
public enum JudgeSize {
    XS(0.75, 1.60, 0.030, 0.70, 0.50, 0.45, 0.80, 0.45),
    S(0.45, 0.60, 0.015, 0.90, 0.20, 0.80, 0.95, 0.75),
    L(0.30, 0.20, 0.006, 0.97, 0.06, 0.95, 0.99, 0.92);

    private final double noise;
    private final double positionBias;
    private final double verbosityBias;
    private final double factRecall;
    private final double planConfusion;
    private final double detailCheck;
    private final double harmRecall;
    private final double subtleHarmRecall;

    JudgeSize(double noise, double positionBias, double verbosityBias, double factRecall, double planConfusion,
            double detailCheck, double harmRecall, double subtleHarmRecall) {
        this.noise = noise;
        this.positionBias = positionBias;
        this.verbosityBias = verbosityBias;
        this.factRecall = factRecall;
        this.planConfusion = planConfusion;
        this.detailCheck = detailCheck;
        this.harmRecall = harmRecall;
        this.subtleHarmRecall = subtleHarmRecall;
    }

    /** Parses {@code xs}, {@code s} or {@code l} (any case). */
    public static JudgeSize parse(String name) {
        return switch (name.trim().toLowerCase()) {
            case "xs" -> XS;
            case "s" -> S;
            case "l" -> L;
            default -> throw new IllegalArgumentException("size must be xs, s or l, got '" + name + "'");
        };
    }

    /** The lower-case name used on the command line and in model ids. */
    public String label() {
        return name().toLowerCase();
    }

    public double noise() {
        return noise;
    }

    public double positionBias() {
        return positionBias;
    }

    public double verbosityBias() {
        return verbosityBias;
    }

    public double factRecall() {
        return factRecall;
    }

    public double planConfusion() {
        return planConfusion;
    }

    public double detailCheck() {
        return detailCheck;
    }

    public double harmRecall() {
        return harmRecall;
    }

    public double subtleHarmRecall() {
        return subtleHarmRecall;
    }
}

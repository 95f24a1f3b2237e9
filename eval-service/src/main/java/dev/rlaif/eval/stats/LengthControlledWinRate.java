package dev.rlaif.eval.stats;

/**
 * The length-controlled win rate in the manner of AlpacaEval 2.0 (Dubois et al. 2024): fit
 * {@code logit P(A wins) = θ + φ · tanh(Δlen / σ)} to the (possibly soft) verdicts, where Δlen is the
 * length of A's response minus B's and σ their standard deviation, then report the win rate the fit
 * predicts for equal lengths, {@code sigmoid(θ)}. A judge that merely rewards verbosity loads the effect
 * onto φ and leaves θ near 0.
 *
 * <p>Fitted by Newton's method (iteratively reweighted least squares) on the quasi-binomial
 * likelihood, which accepts soft outcomes in [0, 1]. A tiny ridge on φ keeps the fit finite when the
 * length alone separates wins from losses.
 */
public final class LengthControlledWinRate {

    /** θ, φ and σ of a fit, and the length-controlled win rate sigmoid(θ). */
    public record Fit(double intercept, double lengthCoefficient, double lengthScale, double winRate) {
    }

    private static final double RIDGE = 1e-6;
    private static final int MAX_ITERATIONS = 100;

    private LengthControlledWinRate() {
    }

    /**
     * @param outcomes per comparison, the probability (or verdict 0, ½, 1) that A is better
     * @param lengthDifferences per comparison, length of A's response minus B's (words or tokens)
     */
    public static Fit fit(double[] outcomes, double[] lengthDifferences) {
        return fit(outcomes, lengthDifferences, null);
    }

    /** The fit on a subset (a bootstrap resample): {@code indices} may repeat; null means all. */
    public static Fit fit(double[] outcomes, double[] lengthDifferences, int[] indices) {
        if (outcomes.length != lengthDifferences.length || outcomes.length == 0) {
            throw new IllegalArgumentException("need one length difference per outcome, at least one");
        }
        int n = indices == null ? outcomes.length : indices.length;
        double[] y = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            int k = indices == null ? i : indices[i];
            y[i] = clamp01(outcomes[k]);
            d[i] = lengthDifferences[k];
        }
        double scale = standardDeviation(d);
        double[] x = new double[n];
        if (scale > 0) {
            for (int i = 0; i < n; i++) {
                x[i] = Math.tanh(d[i] / scale);
            }
        }
        double theta = 0;
        double phi = 0;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            // gradient g and Hessian H of the negative log-likelihood (+ ridge on φ)
            double g0 = 0, g1 = RIDGE * phi, h00 = 0, h01 = 0, h11 = RIDGE;
            for (int i = 0; i < n; i++) {
                double p = sigmoid(theta + phi * x[i]);
                double w = Math.max(p * (1 - p), 1e-12);
                double r = p - y[i];
                g0 += r;
                g1 += r * x[i];
                h00 += w;
                h01 += w * x[i];
                h11 += w * x[i] * x[i];
            }
            double det = h00 * h11 - h01 * h01;
            double step0, step1;
            if (det > 1e-12 * Math.max(1, h00 * h11)) {
                step0 = (h11 * g0 - h01 * g1) / det;
                step1 = (h00 * g1 - h01 * g0) / det;
            } else {
                step0 = g0 / h00;
                step1 = 0;
            }
            theta -= step0;
            phi -= step1;
            if (Math.abs(step0) < 1e-10 && Math.abs(step1) < 1e-10) {
                break;
            }
        }
        return new Fit(theta, phi, scale, sigmoid(theta));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double clamp01(double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("outcome is NaN");
        }
        return Math.min(1, Math.max(0, v));
    }

    /** Sample standard deviation (n − 1); 0 for fewer than two values. */
    static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }
}

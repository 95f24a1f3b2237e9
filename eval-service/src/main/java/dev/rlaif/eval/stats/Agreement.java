package dev.rlaif.eval.stats;

import java.util.List;

/**
 * How often two judges pick the same response, over the comparisons both judged and where neither
 * called a tie (RLAIF §4.4's "AI labeler alignment", also inter-rater agreement).
 *
 * @param rate the share of agreeing verdicts, NaN when there is nothing to compare
 * @param compared comparisons counted
 */
public record Agreement(double rate, int compared) {

    /** Each entry holds two verdicts on the same comparison, each the probability that A is better. */
    public static Agreement of(List<double[]> verdictPairs) {
        int compared = 0;
        int agreeing = 0;
        for (double[] pair : verdictPairs) {
            double x = pair[0] - 0.5;
            double y = pair[1] - 0.5;
            if (x == 0 || y == 0) {
                continue;
            }
            compared++;
            if (Math.signum(x) == Math.signum(y)) {
                agreeing++;
            }
        }
        return new Agreement(compared == 0 ? Double.NaN : (double) agreeing / compared, compared);
    }
}

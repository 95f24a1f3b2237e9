package dev.rlaif.eval.stats;

import java.util.List;

/**
 * The share of comparisons where the judge preferred the same <em>position</em> in both orders, i.e.
 * its verdict flipped with the order (RLAIF §2.1; MT-Bench reports 12.9 % flips for GPT-4).
 *
 * @param rate the share of order-dependent verdicts, NaN when nothing was judged in both orders
 * @param compared comparisons judged in both orders
 */
public record PositionBias(double rate, int compared) {

    /**
     * Each entry: P(A better) from the prompt showing A first, and P(A better) from the prompt showing
     * B first, mapped back to A.
     */
    public static PositionBias of(List<double[]> bothOrders) {
        int compared = 0;
        int flipped = 0;
        for (double[] orders : bothOrders) {
            double aFirst = orders[0] - 0.5;
            double bFirst = orders[1] - 0.5;
            compared++;
            // A preferred when first and B preferred when first (or the other way round): the position won
            if (aFirst * bFirst < 0) {
                flipped++;
            }
        }
        return new PositionBias(compared == 0 ? Double.NaN : (double) flipped / compared, compared);
    }
}

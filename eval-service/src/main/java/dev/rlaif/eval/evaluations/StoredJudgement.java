package dev.rlaif.eval.evaluations;

import java.time.Instant;
import java.util.UUID;

/**
 * One verdict on one item.
 *
 * @param judge ai, human or simulated-human
 * @param preferenceA probability that A is better: 1, 0 or ½ for a rater, the soft label for the AI judge
 * @param aFirst the AI judge's P(A) from the prompt that showed A first (null for raters)
 * @param bFirst the AI judge's P(A) from the prompt that showed B first, mapped back (null for raters)
 * @param aOnLeft for raters, whether A was shown on the left
 */
public record StoredJudgement(UUID itemId, String rater, String judge, double preferenceA, Double aFirst, Double bFirst,
                              Boolean aOnLeft, Instant createdAt) {
}

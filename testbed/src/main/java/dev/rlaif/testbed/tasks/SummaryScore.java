package dev.rlaif.testbed.tasks;

import java.util.List;

/**
 * What a reader found in a summary of a post.
 *
 * @param factCredit sum over the facts the reader knows of the best credit a clause earned (1 full, 0.6
 *                   without the quantity, 0.3 naming only the person)
 * @param knownFacts facts the reader believes the post states
 * @param covered    names of the persons whose facts earned credit, in summary order
 * @param wrong      clauses that state something the post does not say (wrong detail, a plan as an event,
 *                   an invented person)
 * @param wrongAbout persons the wrong clauses are about
 * @param irrelevant clauses of no use to a reader (chatter, plans, repeats, facts the reader overlooked)
 * @param words      summary length in words
 * @param budget     words a complete concise summary needs
 */
public record SummaryScore(double factCredit, int knownFacts, List<String> covered, int wrong,
        List<String> wrongAbout, int irrelevant, int words, int budget) {

    public int wordsOverBudget() {
        return Math.max(0, words - budget);
    }
}

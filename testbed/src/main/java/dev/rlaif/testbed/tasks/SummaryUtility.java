package dev.rlaif.testbed.tasks;

/**
 * Turns a {@link SummaryScore} into one number: credit for key facts, a penalty per wrong statement,
 * a smaller one per useless clause, and one per word beyond the length budget.
 */
public record SummaryUtility(double wrongWeight, double irrelevantWeight, double overBudgetWeight) {

    /** The weights of the simulated humans' (gold) utility. */
    public static final SummaryUtility GOLD = new SummaryUtility(1.0, 0.3, 0.08);

    public double of(SummaryScore s) {
        return s.factCredit() - wrongWeight * s.wrong() - irrelevantWeight * s.irrelevant()
                - overBudgetWeight * s.wordsOverBudget();
    }

    /** The gold utility of a summary of a post (the post text is the policy's prompt). */
    public static double gold(String post, String summary) {
        return GOLD.of(SummaryScorer.score(post, summary, SummaryReader.EXACT));
    }
}

package dev.rlaif.testbed.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the simulated humans value in a summary, stated as specifications. */
class SummaryUtilityTest {

    private static final String POST = "my aunt sold two boats at the market on monday . i think the park was quiet ."
            + " my boss fixed one lamp at the office yesterday . maybe my uncle will buy three cars next week .";

    private static double u(String summary) {
        return SummaryUtility.gold(POST, summary);
    }

    @Test
    void eachKeyFactCoveredEarnsOnePoint() {
        assertThat(u("aunt sold two boats .")).isEqualTo(1.0);
        assertThat(u("aunt sold two boats . boss fixed one lamp .")).isEqualTo(2.0);
    }

    @Test
    void statingAFactWithoutItsQuantityEarnsPartialCredit() {
        assertThat(u("aunt sold boats .")).isEqualTo(0.6);
    }

    @Test
    void aWrongDetailCostsMoreThanLeavingTheFactOut() {
        assertThat(u("aunt sold five boats . boss fixed one lamp .")).isLessThan(u("boss fixed one lamp ."));
    }

    @Test
    void reportingAPlanAsAnEventIsWrong() {
        assertThat(u("aunt sold two boats . uncle bought three cars .")).isEqualTo(0.0);
    }

    @Test
    void chatterAndRepetitionAreUselessAndCostALittle() {
        assertThat(u("aunt sold two boats . i think the park was quiet .")).isEqualTo(0.7);
        assertThat(u("aunt sold two boats . aunt sold two boats .")).isEqualTo(0.7);
    }

    @Test
    void correctDetailIsFreeWithinTheBudgetButWordsBeyondItCost() {
        assertThat(u("aunt sold two boats at the market on monday .")).isEqualTo(1.0);
        String longSummary = "aunt sold two boats at the market on monday . boss fixed one lamp at the office yesterday"
                + " . aunt sold two boats at the market on monday .";
        SummaryScore s = SummaryScorer.score(POST, longSummary, SummaryReader.EXACT);
        assertThat(s.wordsOverBudget()).isPositive();
        assertThat(u(longSummary)).isLessThan(2.0 - 0.3);
    }

    @Test
    void theIdealSummaryBeatsEveryFlawedOne() {
        double ideal = u("aunt sold two boats . boss fixed one lamp .");
        assertThat(ideal).isGreaterThan(u("aunt sold two boats ."))
                .isGreaterThan(u("aunt sold two boats . boss fixed two lamps ."))
                .isGreaterThan(u("aunt sold two boats . boss fixed one lamp . uncle bought three cars ."));
    }
}

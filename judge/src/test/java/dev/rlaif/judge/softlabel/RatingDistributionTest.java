package dev.rlaif.judge.softlabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RatingDistributionTest {

    @Test
    void rescalingMapsOneToMinusOneAndTenToOne() {
        assertThat(RatingDistribution.rescale(1)).isEqualTo(-1.0);
        assertThat(RatingDistribution.rescale(10)).isEqualTo(1.0);
        assertThat(RatingDistribution.rescale(5.5)).isCloseTo(0.0, within(1e-12));
        // 8 → 2·7/9 − 1 = 5/9
        assertThat(RatingDistribution.rescale(8)).isCloseTo(5.0 / 9.0, within(1e-12));
    }

    @Test
    void rewardIsTheExpectedScoreOverTheScoreTokensRescaled() {
        // "7" 0.1 and "9" 0.3 (nothing else a score): normalised 0.25 / 0.75 → E = 1.75 + 6.75 = 8.5
        // → 2·7.5/9 − 1 = 2/3
        var d = RatingDistribution.fromTopLogprobs(Map.of("7", Math.log(0.1), " 9", Math.log(0.3), "The", -0.5));
        assertThat(d.probability(7)).isCloseTo(0.25, within(1e-12));
        assertThat(d.expectedScore()).isCloseTo(8.5, within(1e-12));
        assertThat(d.reward()).isCloseTo(2.0 / 3.0, within(1e-12));
    }

    @Test
    void theTenScoreIsItsOwnTokenNotAOne() {
        var d = RatingDistribution.fromTopLogprobs(Map.of("1", Math.log(0.5), "10", Math.log(0.5)));
        assertThat(d.expectedScore()).isCloseTo(5.5, within(1e-12));
        assertThat(d.reward()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void noScoreTokenAtAllIsAnError() {
        assertThatThrownBy(() -> RatingDistribution.fromTopLogprobs(Map.of("Great", -0.1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cotLabelsAreClampedToFortyToSixtyPercent() {
        assertThat(CotClamp.clamp(0.93)).isEqualTo(0.6);
        assertThat(CotClamp.clamp(0.02)).isEqualTo(0.4);
        assertThat(CotClamp.clamp(0.55)).isEqualTo(0.55);
    }
}

package dev.rlaif.judge.softlabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoftPreferenceTest {

    @Test
    void softLabelIsTheSoftmaxOverTheTwoAnswerTokensOnly() {
        // P("1") = 0.6, P("2") = 0.2, the remaining 0.2 on other tokens: 0.6 / 0.8 = 0.75
        assertThat(SoftPreference.probabilityFirst(Math.log(0.6), Math.log(0.2))).isCloseTo(0.75, within(1e-12));
        // a difference of one nat: 1 / (1 + e^-1)
        assertThat(SoftPreference.probabilityFirst(-0.5, -1.5)).isCloseTo(0.7310585786300049, within(1e-12));
    }

    @Test
    void veryNegativeLogProbabilitiesDoNotUnderflow() {
        assertThat(SoftPreference.probabilityFirst(-1000.0, -1000.0)).isEqualTo(0.5);
        assertThat(SoftPreference.probabilityFirst(-900.0, -1000.0)).isEqualTo(1.0);
    }

    @Test
    void leadingSpaceAndMarkerVariantsOfAnAnswerAreMerged() {
        // "1" and " 1" 0.3 each, "2" 0.1 and "▁2" 0.1: 0.6 / 0.8 = 0.75
        Map<String, Double> top = Map.of("1", Math.log(0.3), " 1", Math.log(0.3), "2", Math.log(0.1),
                "\u25812", Math.log(0.1), "The", Math.log(0.2));
        assertThat(AnswerTokens.logProbability("1", top)).isCloseTo(Math.log(0.6), within(1e-12));
        assertThat(SoftPreference.fromTopLogprobs("1", "2", top)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void anAbsentAnswerGetsProbabilityZeroAndBothAbsentIsAnError() {
        assertThat(SoftPreference.fromTopLogprobs("1", "2", Map.of(" 2", -0.1, "x", -3.0))).isEqualTo(0.0);
        assertThat(SoftPreference.hasEitherAnswer("1", "2", Map.of("x", -0.1))).isFalse();
        assertThatThrownBy(() -> SoftPreference.fromTopLogprobs("1", "2", Map.of("x", -0.1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labelsAreAveragedOverBothOrdersAfterMappingTheSwappedOrderBack() {
        // A first: P(position 1) = 0.8 → P(A) = 0.8; B first: P(position 1) = 0.4 → P(A) = 0.6
        double aFirst = SoftPreference.probabilityA(0.8, true);
        double bFirst = SoftPreference.probabilityA(0.4, false);
        assertThat(bFirst).isCloseTo(0.6, within(1e-12));
        assertThat(SoftPreference.averageOrders(aFirst, bFirst)).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void aJudgeThatAlwaysPrefersPositionOneAveragesToAnUndecidedLabel() {
        double aFirst = SoftPreference.probabilityA(0.9, true);
        double bFirst = SoftPreference.probabilityA(0.9, false);
        assertThat(SoftPreference.averageOrders(aFirst, bFirst)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void selfConsistencyAveragesTheDistributions() {
        assertThat(SoftPreference.mean(List.of(0.9, 0.6, 0.3, 0.6))).isCloseTo(0.6, within(1e-12));
    }
}

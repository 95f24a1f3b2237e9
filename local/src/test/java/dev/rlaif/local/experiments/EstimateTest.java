package dev.rlaif.local.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void wilsonMatchesTheHandComputedInterval() {
        // 8 of 10: statsmodels proportion_confint(8, 10, method="wilson") = (0.4901625, 0.9433178)
        Estimate estimate = Estimate.wilson(0.8, 10);
        assertThat(estimate.low()).isCloseTo(0.4901625, within(1e-6));
        assertThat(estimate.high()).isCloseTo(0.9433178, within(1e-6));
        assertThat(estimate.n()).isEqualTo(10);
    }

    @Test
    void wilsonStaysInsideZeroAndOne() {
        assertThat(Estimate.wilson(0.0, 20).low()).isEqualTo(0.0);
        assertThat(Estimate.wilson(1.0, 20).high()).isEqualTo(1.0);
        assertThat(Estimate.wilson(1.0, 20).low()).isCloseTo(0.8389, within(1e-4));
    }

    @Test
    void percentShowsTheValueAndBothEndsWithOneDecimal() {
        assertThat(new Estimate(0.7134, 0.64, 0.78125, 200).percent()).isEqualTo("71.3 % (64.0–78.1)");
        assertThat(new Estimate(0.5, 0.5, 0.5, 0).percent()).isEqualTo("50.0 % (50.0–50.0)");
    }

    @Test
    void halfWidthAndAbove() {
        Estimate estimate = new Estimate(0.7, 0.6, 0.8, 50);
        assertThat(estimate.halfWidth()).isCloseTo(0.1, within(1e-12));
        assertThat(estimate.above(0.5)).isTrue();
        assertThat(estimate.above(0.6)).isFalse();
    }

    @Test
    void rejectsReversedOrMissingIntervals() {
        assertThatThrownBy(() -> new Estimate(0.5, 0.6, 0.4, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Estimate(Double.NaN, 0.4, 0.6, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Estimate.wilson(0.5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

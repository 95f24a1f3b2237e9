package dev.rlaif.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {

    @Test
    void matchesThePublishedIntervalForEightOfTen() {
        // statsmodels proportion_confint(8, 10, method="wilson") = (0.4901625, 0.9433178)
        Interval ci = Wilson.interval95(8, 10);
        assertThat(ci.low()).isCloseTo(0.4901625, within(1e-6));
        assertThat(ci.high()).isCloseTo(0.9433178, within(1e-6));
    }

    @Test
    void staysInsideZeroAndOneAtTheEdges() {
        Interval none = Wilson.interval95(0, 10);
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(0.2775328, within(1e-6));
        Interval all = Wilson.interval95(10, 10);
        assertThat(all.low()).isCloseTo(0.7224672, within(1e-6));
        assertThat(all.high()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void countsTiesAsHalfAWin() {
        // 50 wins, 10 ties, 40 losses: 55 successes of 100 → (0.4524460, 0.6438546)
        Interval ci = Wilson.interval95(50 + 10 * 0.5, 100);
        assertThat(ci.low()).isCloseTo(0.4524460, within(1e-6));
        assertThat(ci.high()).isCloseTo(0.6438546, within(1e-6));
    }

    @Test
    void refusesAnEmptySample() {
        assertThatThrownBy(() -> Wilson.interval95(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

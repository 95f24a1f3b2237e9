package dev.rlaif.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    @Test
    void givesTheSameIntervalForTheSameSeed() {
        double[] values = {1, 0, 1, 1, 0.5, 0, 1, 0.7, 0.2, 1};
        assertThat(PairedBootstrap.meanInterval(values, 500, 7, 0.95))
                .isEqualTo(PairedBootstrap.meanInterval(values, 500, 7, 0.95));
    }

    @Test
    void collapsesOnConstantData() {
        Interval ci = PairedBootstrap.meanInterval(new double[] {0.75, 0.75, 0.75}, 200, 1, 0.95);
        assertThat(ci.low()).isEqualTo(0.75);
        assertThat(ci.high()).isEqualTo(0.75);
    }

    @Test
    void agreesWithTheNormalIntervalOnALargeBinarySample() {
        // 120 wins of 200: p = 0.6, normal half-width 1.96·sqrt(0.24/200) = 0.0679
        double[] values = new double[200];
        for (int i = 0; i < 120; i++) {
            values[i] = 1;
        }
        Interval ci = PairedBootstrap.meanInterval(values, 4000, 42, 0.95);
        assertThat(ci.low()).isCloseTo(0.6 - 0.0679, within(0.01));
        assertThat(ci.high()).isCloseTo(0.6 + 0.0679, within(0.01));
    }

    @Test
    void interpolatesQuantilesLikeNumpy() {
        // numpy.quantile([1, 2, 3, 4], 0.25) = 1.75
        assertThat(PairedBootstrap.quantile(new double[] {1, 2, 3, 4}, 0.25)).isEqualTo(1.75);
    }
}

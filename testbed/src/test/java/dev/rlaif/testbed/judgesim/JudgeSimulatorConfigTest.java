package dev.rlaif.testbed.judgesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class JudgeSimulatorConfigTest {

    @Test
    void defaultsAreTheLargePresetWithNoLatencyLimitOrFaults() {
        JudgeSimulatorConfig c = JudgeSimulatorConfig.defaults();
        assertThat(c.port()).isZero();
        assertThat(c.size()).isEqualTo(JudgeSize.L);
        assertThat(c.noise()).isEqualTo(JudgeSize.L.noise());
        assertThat(c.latencyMs()).isZero();
        assertThat(c.concurrencyLimit()).isZero();
        assertThat(c.rate500() + c.rateTimeout() + c.rateMalformedJson() + c.rateMissingLogprobs()).isZero();
        assertThat(c.scriptedFaults()).isEmpty();
    }

    @Test
    void choosingASizeResetsNoiseAndBiasesToThePresetAndLaterOverridesWin() {
        JudgeSimulatorConfig c = JudgeSimulatorConfig.defaults().withNoise(9).withSize("xs").withPositionBias(0);
        assertThat(c.noise()).isEqualTo(JudgeSize.XS.noise());
        assertThat(c.verbosityBias()).isEqualTo(JudgeSize.XS.verbosityBias());
        assertThat(c.positionBias()).isZero();
    }

    @Test
    void presetsGetLessNoisyAndLessBiasedWithSize() {
        assertThat(JudgeSize.XS.noise()).isGreaterThan(JudgeSize.S.noise()).isGreaterThan(JudgeSize.L.noise());
        assertThat(JudgeSize.XS.positionBias()).isGreaterThan(JudgeSize.S.positionBias())
                .isGreaterThan(JudgeSize.L.positionBias());
        assertThat(JudgeSize.XS.factRecall()).isLessThan(JudgeSize.S.factRecall())
                .isLessThan(JudgeSize.L.factRecall());
    }

    @Test
    void invalidSettingsAreRejected() {
        JudgeSimulatorConfig c = JudgeSimulatorConfig.defaults();
        assertThatThrownBy(() -> c.withRate500(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withRate500(0.6).withRateTimeout(0.6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withPort(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withConcurrencyLimit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withSize("xxl")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyLatencyDistributionHasTheConfiguredMean() {
        for (LatencyDistribution d : LatencyDistribution.values()) {
            SplittableRandom rng = new SplittableRandom(5);
            double sum = 0;
            for (int i = 0; i < 20_000; i++) {
                sum += d.draw(100, rng);
            }
            assertThat(sum / 20_000).as(d.name()).isCloseTo(100.0, Percentage.withPercentage(5));
        }
        assertThat(LatencyDistribution.LOG_NORMAL.draw(0, new SplittableRandom(1))).isZero();
    }
}

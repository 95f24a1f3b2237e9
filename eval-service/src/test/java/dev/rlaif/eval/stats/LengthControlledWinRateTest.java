package dev.rlaif.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LengthControlledWinRateTest {

    @Test
    void removesAnAdvantageThatComesFromLengthAlone() {
        // A longer by 10 words on half the prompts (wins 8 of 10), shorter by 10 on the other half (wins 5 of 10).
        // Two symmetric groups saturate the model: θ = (logit 0.8 + logit 0.5) / 2 = ln 2, so LC = 2/3,
        // while the raw win rate is 0.65.
        double[] outcomes = new double[20];
        double[] lengths = new double[20];
        for (int i = 0; i < 10; i++) {
            outcomes[i] = i < 8 ? 1 : 0;
            lengths[i] = 10;
            outcomes[10 + i] = i < 5 ? 1 : 0;
            lengths[10 + i] = -10;
        }
        var fit = LengthControlledWinRate.fit(outcomes, lengths);
        assertThat(fit.intercept()).isCloseTo(Math.log(2), within(1e-5));
        assertThat(fit.winRate()).isCloseTo(2.0 / 3.0, within(1e-5));
        assertThat(fit.lengthCoefficient()).isPositive();
    }

    @Test
    void equalsTheRawWinRateWhenLengthsNeverDiffer() {
        double[] outcomes = {1, 1, 0, 0.5, 1, 0.25};
        var fit = LengthControlledWinRate.fit(outcomes, new double[6]);
        assertThat(fit.winRate()).isCloseTo((1 + 1 + 0 + 0.5 + 1 + 0.25) / 6, within(1e-9));
        assertThat(fit.lengthScale()).isZero();
    }

    @Test
    void putsAPurelyVerboseJudgeBackToEven() {
        // the longer answer always wins, lengths symmetric: the length-controlled rate is ½
        double[] outcomes = new double[40];
        double[] lengths = new double[40];
        for (int i = 0; i < 40; i++) {
            lengths[i] = (i % 2 == 0 ? 1 : -1) * (3 + i % 5);
            outcomes[i] = lengths[i] > 0 ? 0.9 : 0.1;
        }
        assertThat(LengthControlledWinRate.fit(outcomes, lengths).winRate()).isCloseTo(0.5, within(1e-6));
    }
}

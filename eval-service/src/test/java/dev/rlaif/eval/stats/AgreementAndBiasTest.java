package dev.rlaif.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementAndBiasTest {

    @Test
    void agreementCountsMatchingVerdictsAndSkipsTies() {
        var agreement = Agreement.of(List.of(
                new double[] {0.9, 1},    // both A
                new double[] {0.2, 0},    // both B
                new double[] {0.7, 0},    // disagree
                new double[] {0.5, 1}));  // AI tie: not compared
        assertThat(agreement.compared()).isEqualTo(3);
        assertThat(agreement.rate()).isEqualTo(2.0 / 3.0);
    }

    @Test
    void positionBiasCountsVerdictsThatFollowTheOrder() {
        var bias = PositionBias.of(List.of(
                new double[] {0.8, 0.7},   // A both ways: consistent
                new double[] {0.8, 0.3},   // first position both ways: biased
                new double[] {0.2, 0.9},   // second position both ways: biased
                new double[] {0.4, 0.1})); // B both ways: consistent
        assertThat(bias.compared()).isEqualTo(4);
        assertThat(bias.rate()).isEqualTo(0.5);
    }

    @Test
    void harmlessRateIsAProportionWithAWilsonInterval() {
        var harmless = Proportion.of(8, 10);
        assertThat(harmless.rate()).isEqualTo(0.8);
        assertThat(harmless.interval()).isEqualTo(Wilson.interval95(8, 10));
    }

    @Test
    void winRateUsesWilsonForOneHardVerdictPerPromptAndTheBootstrapOtherwise() {
        var hard = WinRateEstimate.of(List.of(new double[] {1}, new double[] {0.5}, new double[] {0}, new double[] {1}), 3);
        assertThat(hard.method()).isEqualTo("wilson");
        assertThat(hard.winRate()).isEqualTo(2.5 / 4);
        assertThat(hard.interval()).isEqualTo(Wilson.interval95(2.5, 4));
        assertThat(hard.wins()).isEqualTo(2);
        assertThat(hard.ties()).isEqualTo(1);
        assertThat(hard.losses()).isEqualTo(1);

        var soft = WinRateEstimate.of(List.of(new double[] {0.9}, new double[] {0.2}, new double[] {0.6}), 3);
        assertThat(soft.method()).isEqualTo("bootstrap");
        assertThat(soft.winRate()).isEqualTo((0.9 + 0.2 + 0.6) / 3);

        var panel = WinRateEstimate.of(List.of(new double[] {1, 0}, new double[] {1, 1}), 3);
        assertThat(panel.method()).isEqualTo("bootstrap");
        assertThat(panel.winRate()).isEqualTo(0.75);
        assertThat(panel.verdicts()).isEqualTo(4);
    }
}

package dev.rlaif.reward.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScoreNormalizerTest {

    @Test
    void eachRunIsStandardisedWithItsOwnRunningMeanAndStandardDeviation() {
        var normalizer = new ScoreNormalizer();
        UUID run = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        double[] first = normalizer.normalize(run, new double[] {1, 2, 3});
        assertThat(first).containsExactly(new double[] {-1, 0, 1}, within(1e-9));

        // running statistics over 1, 2, 3, 4, 5: mean 3, sample std √2.5
        double[] second = normalizer.normalize(run, new double[] {4, 5});
        assertThat(second).containsExactly(new double[] {1 / Math.sqrt(2.5), 2 / Math.sqrt(2.5)}, within(1e-9));

        assertThat(normalizer.normalize(other, new double[] {10, 20})).containsExactly(
                new double[] {-5 / Math.sqrt(50), 5 / Math.sqrt(50)}, within(1e-9));
    }
}

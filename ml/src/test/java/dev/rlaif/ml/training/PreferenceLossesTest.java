package dev.rlaif.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.rlaif.ml.Engines;
import org.junit.jupiter.api.Test;

class PreferenceLossesTest {

    @Test
    void rewardModelLossIsCrossEntropyAgainstTheSoftLabel() {
        try (NDManager m = Engines.newManager()) {
            var r1 = m.create(new float[] {1f, 1f, 0.3f});
            var r2 = m.create(new float[] {0f, 0f, 0.3f});
            // hard label: Bradley–Terry −log σ(1) = 0.3133; soft 0.5: mean of −log σ(1) and −log σ(−1)
            float hard = RewardModelLoss.of(r1.get("0:1"), r2.get("0:1"), m.create(new float[] {1f})).getFloat();
            float soft = RewardModelLoss.of(r1.get("1:2"), r2.get("1:2"), m.create(new float[] {0.5f})).getFloat();
            float tie = RewardModelLoss.of(r1.get("2:3"), r2.get("2:3"), m.create(new float[] {0.5f})).getFloat();
            assertThat(hard).isCloseTo(0.31326f, within(1e-4f));
            assertThat(soft).isCloseTo(0.81326f, within(1e-4f));
            assertThat(tie).isCloseTo((float) Math.log(2), within(1e-5f));
        }
    }

    @Test
    void softLabelLossIsSmallestWhenTheRewardsReproduceTheLabel() {
        try (NDManager m = Engines.newManager()) {
            float mu = 0.8f;
            float matching = (float) Math.log(mu / (1 - mu)); // softmax(r, 0) = (0.8, 0.2)
            float best = RewardModelLoss.of(m.create(new float[] {matching}), m.create(new float[] {0f}),
                    m.create(new float[] {mu})).getFloat();
            for (float other : new float[] {0f, 0.5f, 2f, 5f}) {
                float loss = RewardModelLoss.of(m.create(new float[] {other}), m.create(new float[] {0f}),
                        m.create(new float[] {mu})).getFloat();
                assertThat(loss).isGreaterThanOrEqualTo(best);
            }
        }
    }

    @Test
    void dpoLossIsLogTwoAtTheReferenceAndFallsWithTheMargin() {
        try (NDManager m = Engines.newManager()) {
            var zero = m.create(new float[] {-3f});
            var one = m.create(new float[] {1f});
            float atReference = DpoLoss.of(zero, zero, zero, zero, one, 0.1f).getFloat();
            assertThat(atReference).isCloseTo((float) Math.log(2), within(1e-6f));
            // policy raised y1 by 2 nats: z = 0.1·2 = 0.2, loss = −log σ(0.2)
            float better = DpoLoss.of(m.create(new float[] {-1f}), zero, zero, zero, one, 0.1f).getFloat();
            assertThat(better).isCloseTo((float) -Math.log(1 / (1 + Math.exp(-0.2))), within(1e-5f));
        }
    }

    @Test
    void leaveOneOutBaselineAveragesTheOtherSamples() {
        float[] baseline = Advantages.leaveOneOutBaseline(new float[] {1, 2, 3, 10, 20, 30}, 3);
        assertThat(baseline).containsExactly(2.5f, 2f, 1.5f, 25f, 20f, 15f);
    }

    @Test
    void gaeWithLambdaOneIsReturnMinusValue() {
        float[][] rewards = {{0f, 0f, 1f}};
        float[][] values = {{0.2f, 0.5f, 0.1f}};
        float[][] gae = Advantages.gae(rewards, values, 1f, 1f);
        float[][] returns = Advantages.returnsToGo(rewards, 1f);
        for (int t = 0; t < 3; t++) {
            assertThat(gae[0][t]).isCloseTo(returns[0][t] - values[0][t], within(1e-6f));
        }
    }
}

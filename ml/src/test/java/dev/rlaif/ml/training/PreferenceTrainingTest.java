package dev.rlaif.ml.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.ml.Rng;
import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.GptConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reward model and DPO on synthetic preferences: more of token 7 is better, labels soft. */
class PreferenceTrainingTest {

    static final int LIKED = 7;
    static final GptConfig CONFIG = new GptConfig(12, 16, 2, 2, 32, 0f, 1e-5f, 1, 2, 0);

    static List<PreferencePair> pairs(int count, long seed) {
        Rng rng = new Rng(seed);
        List<PreferencePair> pairs = new ArrayList<>();
        while (pairs.size() < count) {
            long[] prompt = {1, 3 + rng.nextInt(9)};
            long[] a = response(rng);
            long[] b = response(rng);
            int difference = liked(a) - liked(b);
            if (difference == 0) {
                continue;
            }
            // a soft AI-style label: confident but not certain
            pairs.add(new PreferencePair(prompt, a, b, (float) (1 / (1 + Math.exp(-2.0 * difference)))));
        }
        return pairs;
    }

    static long[] response(Rng rng) {
        long[] tokens = new long[6];
        for (int i = 0; i < 5; i++) {
            tokens[i] = rng.nextDouble() < 0.3 ? LIKED : 3 + rng.nextInt(9);
        }
        tokens[5] = CONFIG.eosTokenId();
        return tokens;
    }

    static int liked(long[] tokens) {
        int n = 0;
        for (long t : tokens) {
            n += t == LIKED ? 1 : 0;
        }
        return n;
    }

    @Test
    void rewardModelLearnsSoftPreferences() {
        List<PreferencePair> train = pairs(512, 1);
        List<PreferencePair> heldOut = pairs(128, 2);
        try (Gpt model = Gpt.initialize(CONFIG, 3, true);
                TrainingLoop loop = new TrainingLoop(model, OptimizerConfig.defaults(3e-3f, 150), 4)) {
            var history = loop.run(new RewardModelObjective(model, train, 32, 5), ProgressListener.NONE, () -> false);
            float[] r1 = RewardModelObjective.score(model, heldOut.stream().map(PreferencePair::prompt).toList(),
                    heldOut.stream().map(PreferencePair::response1).toList());
            float[] r2 = RewardModelObjective.score(model, heldOut.stream().map(PreferencePair::prompt).toList(),
                    heldOut.stream().map(PreferencePair::response2).toList());
            float[] mu = new float[heldOut.size()];
            for (int i = 0; i < mu.length; i++) {
                mu[i] = heldOut.get(i).preference1();
            }
            float accuracy = RewardModelLoss.accuracy(r1, r2, mu);
            System.out.printf("reward model: loss %.3f -> %.3f, held-out accuracy %.3f%n",
                    history.get(0).loss(), history.get(history.size() - 1).loss(), accuracy);
            assertThat(accuracy).isGreaterThan(0.9f);
        }
    }

    @Test
    void dpoRaisesTheImplicitRewardOfPreferredResponses() {
        List<PreferencePair> train = pairs(256, 6);
        try (Gpt reference = Gpt.initialize(CONFIG, 7, false).frozenCopy();
                Gpt policy = reference.trainableCopy(false, 8);
                TrainingLoop loop = new TrainingLoop(policy, OptimizerConfig.defaults(2e-3f, 80), 9)) {
            var objective = new DpoObjective(policy, reference, train, 32, DpoLoss.DEFAULT_BETA, 10);
            var history = loop.run(objective, ProgressListener.NONE, () -> false);
            StepMetrics first = history.get(0);
            StepMetrics last = history.get(history.size() - 1);
            System.out.printf("DPO: loss %.3f -> %.3f, accuracy %.2f -> %.2f%n", first.loss(), last.loss(),
                    first.metric("accuracy"), last.metric("accuracy"));
            assertThat(first.loss()).isCloseTo((float) Math.log(2), org.assertj.core.api.Assertions.within(1e-3f));
            assertThat(last.loss()).isLessThan(first.loss() - 0.1f);
            assertThat(last.metric("accuracy")).isGreaterThan(0.8f);
        }
    }
}

package dev.rlaif.ml.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.GptConfig;
import dev.rlaif.ml.sampling.SamplingConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RL on a toy reward: the share of response tokens equal to one chosen token. */
class RlTrainingTest {

    static final int REWARDED = 7;
    static final int MAX_NEW = 8;
    static final float KL_COEF = 0.1f;
    static final GptConfig CONFIG = new GptConfig(12, 16, 2, 2, 32, 0f, 1e-5f, 1, 2, 0);

    static float[] countReward(List<long[]> prompts, List<long[]> responses) {
        float[] reward = new float[responses.size()];
        for (int i = 0; i < reward.length; i++) {
            for (long token : responses.get(i)) {
                reward[i] += token == REWARDED ? 1f / MAX_NEW : 0f;
            }
        }
        return reward;
    }

    @ParameterizedTest
    @EnumSource(RlAlgorithm.class)
    void rewardRisesWhileKlToTheReferenceStaysBounded(RlAlgorithm algorithm) {
        List<long[]> prompts = new ArrayList<>();
        for (int s = 3; s < 12; s++) {
            prompts.add(new long[] {1, s});
        }
        RlConfig config = RlConfig.defaults(algorithm, 8, MAX_NEW)
                .withKlCoef(KL_COEF)
                .withSamplesPerPrompt(algorithm == RlAlgorithm.RLOO ? 4 : 2);
        config = new RlConfig(config.algorithm(), config.klCoef(), config.promptsPerIteration(), config.samplesPerPrompt(),
                new SamplingConfig(1f, 0, 1f, MAX_NEW, true), config.ppoEpochs(), config.clipRange(), config.valueCoef(),
                config.entropyCoef(), config.gamma(), config.lambda(), config.baselineDecay());
        var optimizer = OptimizerConfig.defaults(3e-3f, 200).withWarmup(1);
        int iterations = 50;
        try (Gpt initial = Gpt.initialize(CONFIG, 17, false);
                Gpt reference = initial.frozenCopy();
                Gpt policy = initial.trainableCopy(algorithm.needsValueHead(), 18);
                TrainingLoop loop = new TrainingLoop(policy, optimizer, 19)) {
            var trainer = new RlTrainer(loop, reference, RlTrainingTest::countReward, prompts, config, 20);
            var history = trainer.run(iterations, ProgressListener.NONE, () -> false);
            double before = history.subList(0, 5).stream().mapToDouble(m -> m.metric("reward")).average().orElseThrow();
            double after = history.subList(iterations - 5, iterations).stream().mapToDouble(m -> m.metric("reward")).average().orElseThrow();
            double maxKl = history.stream().mapToDouble(m -> m.metric("kl")).max().orElseThrow();
            StepMetrics last = history.get(iterations - 1);
            System.out.printf("%s: reward %.3f -> %.3f, max KL %.3f, last %s%n", algorithm, before, after, maxKl, last);
            // with β = 0.1 the KL-regularised optimum puts ~24 % of the mass on the rewarded token
            // (π* ∝ π_ref·exp(r/β), π_ref ≈ 1/12), against ~8 % for the initial policy
            assertThat(after).isGreaterThan(before + 0.07);
            assertThat(maxKl).isLessThan(4.0);
            assertThat(last.metrics()).containsKeys("reward", "kl", "entropy", "response_length", "clip_fraction");
        }
    }
}

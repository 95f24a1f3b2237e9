package dev.rlaif.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.GptConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointResumeTest {

    /** Dropout on, accumulation on: resuming must restore the data order and the dropout stream too. */
    static final GptConfig CONFIG = ReverseTask.config(32, 2, 2).withDropout(0.1f);
    static final OptimizerConfig OPTIMIZER = OptimizerConfig.defaults(3e-3f, 12).withWarmup(3).withGradientAccumulation(2);
    static final List<SftExample> DATA = ReverseTask.examples(200, 21);

    /**
     * Reloaded arrays sit at other addresses, and MKL's kernels may sum in another order for
     * another alignment: ~1e-6 differences are arithmetic, a lost step or moment would be ~1e-2.
     */
    static final float SAME_LOSS = 1e-4f;

    @TempDir
    Path dir;

    @Test
    void resumedRunContinuesTheUninterruptedLossCurve() throws Exception {
        List<StepMetrics> uninterrupted;
        try (Gpt model = Gpt.initialize(CONFIG, 1, false); TrainingLoop loop = new TrainingLoop(model, OPTIMIZER, 2)) {
            uninterrupted = loop.run(new SftObjective(model, DATA, 8, 3), ProgressListener.NONE, () -> false);
        }
        assertThat(uninterrupted).hasSize(12);

        Path checkpoint = dir.resolve("checkpoint-6");
        List<StepMetrics> firstHalf;
        try (Gpt model = Gpt.initialize(CONFIG, 1, false); TrainingLoop loop = new TrainingLoop(model, OPTIMIZER, 2)) {
            // a stop request after six steps, as a cancelled job would send
            firstHalf = loop.run(new SftObjective(model, DATA, 8, 3), ProgressListener.NONE, () -> loop.step() >= 6);
            loop.save(checkpoint, null);
        }
        assertThat(firstHalf).hasSize(6);

        var resumed = TrainingLoop.resume(checkpoint);
        try (Gpt model = resumed.loop().model(); TrainingLoop loop = resumed.loop()) {
            assertThat(loop.step()).isEqualTo(6);
            var secondHalf = loop.run(new SftObjective(model, DATA, 8, 3), ProgressListener.NONE, () -> false);
            assertThat(secondHalf).hasSize(6);
            for (int i = 0; i < 6; i++) {
                assertThat(firstHalf.get(i).loss()).isEqualTo(uninterrupted.get(i).loss());
                StepMetrics expected = uninterrupted.get(6 + i);
                assertThat(secondHalf.get(i).step()).isEqualTo(expected.step());
                assertThat(secondHalf.get(i).loss()).as("loss at step %d", expected.step())
                        .isCloseTo(expected.loss(), within(SAME_LOSS));
            }
        }
    }

    @Test
    void resumedRlRunRepeatsTheUninterruptedRewardsAndLosses() throws Exception {
        var config = RlConfig.defaults(RlAlgorithm.REINFORCE, 4, 6);
        List<long[]> prompts = DATA.stream().map(SftExample::prompt).toList().subList(0, 12);
        RewardFunction reward = RlTrainingTest::countReward;
        var optimizer = OptimizerConfig.defaults(3e-3f, 20);
        GptConfig modelConfig = ReverseTask.config(32, 2, 2);
        List<StepMetrics> uninterrupted;
        try (Gpt reference = Gpt.initialize(modelConfig, 5, false).frozenCopy();
                Gpt policy = reference.trainableCopy(false, 0);
                TrainingLoop loop = new TrainingLoop(policy, optimizer, 6)) {
            uninterrupted = new RlTrainer(loop, reference, reward, prompts, config, 7).run(6, ProgressListener.NONE, () -> false);
        }
        Path checkpoint = dir.resolve("rl-3");
        try (Gpt reference = Gpt.initialize(modelConfig, 5, false).frozenCopy();
                Gpt policy = reference.trainableCopy(false, 0);
                TrainingLoop loop = new TrainingLoop(policy, optimizer, 6)) {
            var trainer = new RlTrainer(loop, reference, reward, prompts, config, 7);
            trainer.run(3, ProgressListener.NONE, () -> false);
            trainer.save(checkpoint, null);
        }
        var resumed = TrainingLoop.resume(checkpoint);
        try (Gpt reference = Gpt.initialize(modelConfig, 5, false).frozenCopy();
                Gpt policy = resumed.loop().model();
                TrainingLoop loop = resumed.loop()) {
            var trainer = new RlTrainer(loop, reference, reward, prompts, config, 7);
            trainer.restore(resumed.extra());
            var rest = trainer.run(3, ProgressListener.NONE, () -> false);
            for (int i = 0; i < 3; i++) {
                StepMetrics expected = uninterrupted.get(3 + i);
                assertThat(rest.get(i).step()).isEqualTo(expected.step());
                assertThat(rest.get(i).metric("reward")).isEqualTo(expected.metric("reward"));
                assertThat(rest.get(i).loss()).isCloseTo(expected.loss(), within(SAME_LOSS));
            }
        }
    }
}

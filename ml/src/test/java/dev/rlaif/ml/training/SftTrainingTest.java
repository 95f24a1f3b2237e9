package dev.rlaif.ml.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.ml.Rng;
import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.sampling.Sampler;
import dev.rlaif.ml.sampling.SamplingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SftTrainingTest {

    @Test
    void tinyModelLearnsToReverseFourSymbols() {
        List<SftExample> train = ReverseTask.examples(2048, 1);
        List<SftExample> heldOut = ReverseTask.examples(64, 2);
        var config = OptimizerConfig.defaults(3e-3f, 400).withWarmup(20);
        try (Gpt model = Gpt.initialize(ReverseTask.config(64, 2, 4), 11, false);
                TrainingLoop loop = new TrainingLoop(model, config, 5)) {
            var history = loop.run(new SftObjective(model, train, 32, 3), ProgressListener.NONE, () -> false);
            float finalLoss = (float) history.subList(history.size() - 20, history.size()).stream()
                    .mapToDouble(StepMetrics::loss).average().orElseThrow();
            System.out.printf("reverse task: first loss %.3f, mean of last 20 %.4f%n", history.get(0).loss(), finalLoss);
            assertThat(finalLoss).isLessThan(0.05f);

            List<long[]> prompts = heldOut.stream().map(SftExample::prompt).toList();
            var samples = Sampler.sample(model, prompts, SamplingConfig.greedy(8), new Rng(0));
            int correct = 0;
            for (int i = 0; i < heldOut.size(); i++) {
                if (java.util.Arrays.equals(samples.tokens()[i], heldOut.get(i).response())) {
                    correct++;
                }
            }
            System.out.printf("reverse task: %d/%d held-out prompts reversed exactly%n", correct, heldOut.size());
            assertThat(correct).isGreaterThanOrEqualTo(heldOut.size() * 95 / 100);
        }
    }
}

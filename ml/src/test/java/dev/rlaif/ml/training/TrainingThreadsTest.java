package dev.rlaif.ml.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.ml.model.Gpt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Services train on worker threads, and in {@code local} several loops share one JVM. */
class TrainingThreadsTest {

    @Test
    void loopsTrainOnFreshThreadsSideBySide() throws Exception {
        List<SftExample> examples = ReverseTask.examples(64, 1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Gpt first = Gpt.initialize(ReverseTask.config(64, 2, 4), 1, false);
             Gpt second = Gpt.initialize(ReverseTask.config(64, 2, 4), 2, false);
             TrainingLoop a = new TrainingLoop(first, OptimizerConfig.defaults(1e-3f, 5), 3);
             TrainingLoop b = new TrainingLoop(second, OptimizerConfig.defaults(1e-3f, 5), 4)) {
            List<Future<List<StepMetrics>>> runs = new ArrayList<>();
            runs.add(threads.submit(() -> a.run(new SftObjective(first, examples, 8, 5), ProgressListener.NONE, () -> false)));
            runs.add(threads.submit(() -> b.run(new SftObjective(second, examples, 8, 6), ProgressListener.NONE, () -> false)));
            for (Future<List<StepMetrics>> run : runs) {
                assertThat(run.get()).hasSize(5).allSatisfy(step -> assertThat(step.loss()).isFinite());
            }
            assertThat(a.step()).isEqualTo(5);
            assertThat(b.step()).isEqualTo(5);
        } finally {
            threads.shutdownNow();
        }
    }
}

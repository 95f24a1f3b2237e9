package dev.rlaif.ml.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.ml.Rng;
import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.sampling.Sampler;
import dev.rlaif.ml.sampling.SamplingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many steps of training, RL and sampling leave no arrays behind and native memory flat. */
class NativeMemoryTest {

    @Test
    void arraysAndResidentMemoryStayFlatOverManySteps() throws IOException {
        List<SftExample> data = ReverseTask.examples(256, 31);
        List<long[]> prompts = data.stream().map(SftExample::prompt).toList().subList(0, 16);
        try (Gpt model = Gpt.initialize(ReverseTask.config(32, 2, 2), 1, true);
                Gpt reference = model.frozenCopy();
                TrainingLoop loop = new TrainingLoop(model, OptimizerConfig.defaults(1e-3f, 10_000), 2)) {
            var sft = new SftObjective(model, data, 16, 3);
            var rl = new RlTrainer(loop, reference, (p, r) -> new float[r.size()],
                    prompts, RlConfig.defaults(RlAlgorithm.A2C, 4, 6), 4);
            Runnable round = () -> {
                loop.step(sft);
                rl.iterate();
                Sampler.sample(model, prompts, SamplingConfig.rlaifDefaults(6), new Rng(5));
            };
            // warm up until the JVM's direct buffers and the native allocator's arenas reach steady
            // state (measured: RSS climbs for ~200 rounds, then stays flat for the next 400)
            for (int i = 0; i < 200; i++) {
                round.run();
            }
            int arraysAfterWarmup = model.manager().getManagedArrays().size();
            int allArraysAfterWarmup = model.manager().getParentManager().getManagedArrays().size();
            long rssAfterWarmup = residentKilobytes();
            for (int i = 0; i < 200; i++) {
                round.run();
            }
            int arraysAtEnd = model.manager().getManagedArrays().size();
            int allArraysAtEnd = model.manager().getParentManager().getManagedArrays().size();
            long rssAtEnd = residentKilobytes();
            System.out.printf("native memory: %d -> %d arrays, RSS %d -> %d MB over 200 rounds%n",
                    arraysAfterWarmup, arraysAtEnd, rssAfterWarmup / 1024, rssAtEnd / 1024);
            assertThat(arraysAtEnd).isEqualTo(arraysAfterWarmup);
            assertThat(allArraysAtEnd).isEqualTo(allArraysAfterWarmup);
            // a backstop for leaks outside DJL's bookkeeping; an unscoped step leaks ~GBs here
            assertThat(rssAtEnd - rssAfterWarmup).isLessThan(128 * 1024);
        }
    }

    /** Resident memory outside the Java heap (the heap's own growth is garbage, not a leak). */
    private static long residentKilobytes() throws IOException {
        System.gc();
        long heapKilobytes = java.lang.management.ManagementFactory.getMemoryMXBean()
                .getHeapMemoryUsage().getCommitted() / 1024;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) - heapKilobytes;
            }
        }
        return 0;
    }
}

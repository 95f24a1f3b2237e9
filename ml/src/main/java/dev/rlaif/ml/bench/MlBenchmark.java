package dev.rlaif.ml.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.rlaif.ml.Engines;
import dev.rlaif.ml.Rng;
import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.GptConfig;
import dev.rlaif.ml.sampling.Sampler;
import dev.rlaif.ml.sampling.SamplingConfig;
import dev.rlaif.ml.training.Objective;
import dev.rlaif.ml.training.OptimizerConfig;
import dev.rlaif.ml.training.TokenBatch;
import dev.rlaif.ml.training.TokenLogProbs;
import dev.rlaif.ml.training.SftLoss;
import dev.rlaif.ml.training.TrainingLoop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Throughput measurements for bench/*.sh. Every mode prints human-readable lines and then one
 * machine-readable {@code RESULT key=value ...} line. Numbers are medians over repeated timings.
 *
 * <pre>
 * matmul                                 peak GFLOP/s of a float32 matmul through libtorch
 * train  PRESET VOCAB BATCH SEQ STEPS    training tokens/s (AdamW, full step) and MFU
 * sample PRESET VOCAB BATCH PROMPT NEW   sampling tokens/s with and without the KV cache
 * </pre>
 */
public final class MlBenchmark {

    private MlBenchmark() {}

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        String mode = args.length > 0 ? args[0] : "train";
        switch (mode) {
            case "matmul" -> System.out.printf("RESULT matmul_gflops=%.1f%n", matmulGflops(1024, 30));
            case "train" -> train(args);
            case "sample" -> sample(args);
            default -> throw new IllegalArgumentException("mode is matmul, train or sample, not " + mode);
        }
    }

    static GptConfig config(String preset, int vocab) {
        // no dropout: the PyTorch comparison runs the same arithmetic; EOS -1 keeps every row running
        return GptConfig.preset(preset, vocab, 1, -1, 0).withDropout(0f);
    }

    /** Peak GFLOP/s of an n×n float32 matmul (2n³ FLOPs each): the best of {@code repeats}. */
    static double matmulGflops(int n, int repeats) {
        try (NDManager manager = Engines.newManager()) {
            Rng rng = new Rng(1);
            float[] values = new float[n * n];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) rng.nextGaussian();
            }
            NDArray a = manager.create(values, new Shape(n, n));
            NDArray b = manager.create(values, new Shape(n, n));
            double[] rates = new double[repeats];
            for (int r = -1; r < repeats; r++) {
                try (NDManager step = manager.newSubManager()) {
                    long start = System.nanoTime();
                    NDArray c = a.matMul(b);
                    c.attach(step);
                    c.getFloat(0, 0); // wait for the result
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (r >= 0) {
                        rates[r] = 2.0 * n * n * n / seconds / 1e9;
                    }
                }
            }
            return Arrays.stream(rates).max().orElseThrow();
        }
    }

    static void train(String[] args) {
        String preset = arg(args, 1, "scratch:xs");
        int vocab = Integer.parseInt(arg(args, 2, "512"));
        int batch = Integer.parseInt(arg(args, 3, "16"));
        int seq = Integer.parseInt(arg(args, 4, "64"));
        int steps = Integer.parseInt(arg(args, 5, "30"));
        GptConfig config = config(preset, vocab);
        try (Gpt model = Gpt.initialize(config, 1, false);
                TrainingLoop loop = new TrainingLoop(model, OptimizerConfig.defaults(3e-4f, steps + 5), 1)) {
            Rng rng = new Rng(2);
            List<TokenBatch> data = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                List<long[]> prompts = new ArrayList<>();
                List<long[]> responses = new ArrayList<>();
                for (int b = 0; b < batch; b++) {
                    long[] row = new long[seq + 1];
                    for (int t = 0; t < row.length; t++) {
                        row[t] = 3 + rng.nextInt(vocab - 3);
                    }
                    prompts.add(new long[] {row[0]});
                    responses.add(Arrays.copyOfRange(row, 1, row.length));
                }
                data.add(TokenBatch.of(prompts, responses, config.padTokenId()));
            }
            Objective objective = (step, k) -> new Objective.Loss(
                    SftLoss.of(TokenLogProbs.of(model, data.get((int) (k % data.size())), step, 1f, true, false)));
            double[] rates = new double[steps];
            double[] peaks = new double[steps];
            for (int s = -3; s < steps; s++) {
                long start = System.nanoTime();
                loop.step(objective);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (s >= 0) {
                    rates[s] = batch * seq / seconds;
                    // a matmul probe after every step, so peak and throughput see the same machine load
                    peaks[s] = matmulGflops(1024, 3);
                }
            }
            double tokensPerSecond = median(rates);
            double peak = median(peaks);
            long params = model.parameterCount();
            double mfu = 6.0 * params * tokensPerSecond / (peak * 1e9);
            System.out.printf("train %s: %.2f M params, batch %d x %d tokens, %.0f tokens/s, matmul peak %.1f GFLOP/s (median of per-step probes), MFU %.1f %%%n",
                    preset, params / 1e6, batch, seq, tokensPerSecond, peak, 100 * mfu);
            System.out.printf("RESULT params=%d tokens_per_s=%.1f matmul_gflops=%.1f mfu=%.4f%n", params, tokensPerSecond, peak, mfu);
        }
    }

    static void sample(String[] args) {
        String preset = arg(args, 1, "scratch:xs");
        int vocab = Integer.parseInt(arg(args, 2, "512"));
        int batch = Integer.parseInt(arg(args, 3, "16"));
        int promptLength = Integer.parseInt(arg(args, 4, "16"));
        int newTokens = Integer.parseInt(arg(args, 5, "128"));
        int repeats = Integer.parseInt(arg(args, 6, "3"));
        GptConfig config = config(preset, vocab);
        try (Gpt model = Gpt.initialize(config, 1, false)) {
            Rng rng = new Rng(3);
            List<long[]> prompts = new ArrayList<>();
            for (int b = 0; b < batch; b++) {
                long[] prompt = new long[promptLength];
                for (int t = 0; t < promptLength; t++) {
                    prompt[t] = 3 + rng.nextInt(vocab - 3);
                }
                prompts.add(prompt);
            }
            SamplingConfig cached = new SamplingConfig(0.9f, 0, 1f, newTokens, true);
            double[] withCache = new double[repeats];
            double[] withoutCache = new double[repeats];
            Sampler.sample(model, prompts, cached, new Rng(4)); // warm-up
            for (int r = 0; r < repeats; r++) {
                withCache[r] = tokensPerSecond(model, prompts, cached);
                withoutCache[r] = tokensPerSecond(model, prompts, cached.withoutKvCache());
            }
            double on = median(withCache);
            double off = median(withoutCache);
            System.out.printf("sample %s: %.2f M params, batch %d, prompt %d, %d new tokens: KV cache %.0f tokens/s, no cache %.0f tokens/s, speedup %.2fx%n",
                    preset, model.parameterCount() / 1e6, batch, promptLength, newTokens, on, off, on / off);
            System.out.printf("RESULT params=%d kv_tokens_per_s=%.1f nocache_tokens_per_s=%.1f kv_speedup=%.2f%n",
                    model.parameterCount(), on, off, on / off);
        }
    }

    private static double tokensPerSecond(Gpt model, List<long[]> prompts, SamplingConfig config) {
        long start = System.nanoTime();
        var samples = Sampler.sample(model, prompts, config, new Rng(5));
        double seconds = (System.nanoTime() - start) / 1e9;
        return samples.totalTokens() / seconds;
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

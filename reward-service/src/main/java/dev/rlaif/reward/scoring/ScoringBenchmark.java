package dev.rlaif.reward.scoring;

import dev.rlaif.ml.Engines;
import dev.rlaif.ml.Rng;
import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.GptConfig;
import dev.rlaif.ml.tokenizer.TextTokenizer;
import dev.rlaif.ml.tokenizer.PolicyText;
import dev.rlaif.ml.tokenizer.WordLevelTokenizerBuilder;
import dev.rlaif.reward.training.RewardModelScorer;
import dev.rlaif.reward.training.RewardText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * {@code bench/reward-scoring.sh}: scores N prompt/response pairs with a reward model one request at a time
 * (a batch-1 forward pass each, what a service without batching does) and then as N concurrent requests
 * through the service's {@link DynamicBatcher}, and prints the speed-up and the batched throughput. The
 * model is the {@code scratch:xs} preset (~1 M parameters) with a scalar head, initialised from a seed.
 */
public final class ScoringBenchmark {

    private ScoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = 512;
        int maxBatch = 64;
        long waitMillis = 5;
        String preset = "scratch:xs";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[i + 1]);
                case "--max-batch" -> maxBatch = Integer.parseInt(args[i + 1]);
                case "--max-wait-ms" -> waitMillis = Long.parseLong(args[i + 1]);
                case "--model" -> preset = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--n, --max-batch, --max-wait-ms, --model)");
            }
        }
        Rng rng = new Rng(7);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            words.add("w" + i);
        }
        List<String[]> texts = new ArrayList<>();
        var vocabulary = new WordLevelTokenizerBuilder().maxVocabSize(256).addCorpus(words).addText(PolicyText.MARKER);
        for (int i = 0; i < n; i++) {
            texts.add(new String[] {sentence(words, 40 + rng.nextInt(30), rng), sentence(words, 10 + rng.nextInt(20), rng)});
        }
        try (TextTokenizer tokenizer = vocabulary.build()) {
            var config = GptConfig.preset(preset, tokenizer.vocabSize(), tokenizer.bosId(), tokenizer.eosId(), tokenizer.padId())
                    .withDropout(0f);
            Gpt model = Gpt.initialize(config, 11, true).frozenCopy();
            var text = new RewardText(tokenizer, config.blockSize(), 48);
            List<RewardText.Encoded> items = texts.stream().map(t -> text.encode(t[0], t[1])).toList();
            int[] largestBatch = {0};
            try (var batcher = new DynamicBatcher<RewardText.Encoded>("bench", maxBatch, Duration.ofMillis(waitMillis),
                    batch -> RewardModelScorer.score(model, batch), size -> largestBatch[0] = Math.max(largestBatch[0], size),
                    model::close)) {
                System.out.printf("reward model %s (%,d parameters), %d responses, %s threads, max batch %d, max wait %d ms%n",
                        preset, model.parameterCount(), n, System.getProperty("ai.djl.pytorch.num_threads", "default"),
                        maxBatch, waitMillis);
                oneByOne(model, items.subList(0, Math.min(32, n)));
                forwardCostByBatchSize(model, items, maxBatch);
                batched(batcher, items);
                long start = System.nanoTime();
                float[] single = oneByOne(model, items);
                double oneByOneSeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                float[] grouped = batched(batcher, items);
                double batchedSeconds = (System.nanoTime() - start) / 1e9;
                double maxDifference = 0;
                for (int i = 0; i < n; i++) {
                    maxDifference = Math.max(maxDifference, Math.abs(single[i] - grouped[i]));
                }
                System.out.printf("one by one: %.2f s (%.0f scores/s)%n", oneByOneSeconds, n / oneByOneSeconds);
                System.out.printf("batched:    %.2f s (%.0f scores/s), largest batch %d, max |difference| %.2e%n",
                        batchedSeconds, n / batchedSeconds, largestBatch[0], maxDifference);
                System.out.printf("RESULT batched_speedup=%.1f scores_per_s=%.0f%n", oneByOneSeconds / batchedSeconds,
                        n / batchedSeconds);
            }
        }
        System.out.println("device: " + Engines.device());
    }

    /** Where the speed-up comes from: the cost of one forward pass per item, by batch size (best of five). */
    private static void forwardCostByBatchSize(Gpt model, List<RewardText.Encoded> items, int maxBatch) {
        for (int size = 1; size <= Math.min(maxBatch, items.size()); size *= 2) {
            long best = Long.MAX_VALUE;
            for (int repeat = 0; repeat < 5; repeat++) {
                long start = System.nanoTime();
                RewardModelScorer.score(model, items.subList(0, size));
                best = Math.min(best, System.nanoTime() - start);
            }
            System.out.printf("forward pass, batch %3d: %7.1f ms, %.2f ms per item%n", size, best / 1e6, best / 1e6 / size);
        }
    }

    private static float[] oneByOne(Gpt model, List<RewardText.Encoded> items) {
        float[] scores = new float[items.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = RewardModelScorer.score(model, List.of(items.get(i)))[0];
        }
        return scores;
    }

    /** Every item as its own concurrent request, as many RL workers or REST clients would send them. */
    private static float[] batched(DynamicBatcher<RewardText.Encoded> batcher, List<RewardText.Encoded> items) throws Exception {
        List<CompletableFuture<float[]>> futures = new ArrayList<>();
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (RewardText.Encoded item : items) {
                futures.add(CompletableFuture.supplyAsync(() -> batcher.submit(List.of(item)).join(), callers));
            }
            float[] scores = new float[items.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = futures.get(i).get()[0];
            }
            return scores;
        }
    }

    private static String sentence(List<String> words, int length, Rng rng) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(i == 0 ? "" : " ").append(words.get(rng.nextInt(words.size())));
        }
        return out.toString();
    }
}

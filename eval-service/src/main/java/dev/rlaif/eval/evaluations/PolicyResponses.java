package dev.rlaif.eval.evaluations;

import dev.rlaif.ml.Rng;
import dev.rlaif.ml.model.HfCheckpoint;
import dev.rlaif.ml.sampling.Sampler;
import dev.rlaif.ml.sampling.SamplingConfig;
import dev.rlaif.ml.tokenizer.PolicyText;
import dev.rlaif.ml.tokenizer.TextTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Samples one response per prompt from a policy checkpoint, in batches with the KV cache. The prompt
 * is formatted by {@link PolicyText}, as for SFT, sampling and RL, so the policy sees what it was trained on.
 */
public final class PolicyResponses {

    private PolicyResponses() {
    }

    /**
     * @param seed fixes the sampled tokens: the same checkpoint, prompts and seed give the same responses
     * @param progress called with the number of prompts done after each batch
     */
    public static List<String> generate(Path checkpoint, List<String> prompts, SamplingConfig sampling, int batchSize,
                                        long seed, IntConsumer progress) throws IOException {
        List<String> responses = new ArrayList<>(prompts.size());
        Rng rng = new Rng(seed);
        try (HfCheckpoint.Loaded policy = HfCheckpoint.load(checkpoint, false, false, seed)) {
            TextTokenizer tokenizer = policy.tokenizer();
            if (tokenizer == null) {
                throw new IOException("checkpoint " + checkpoint + " has no tokenizer.json");
            }
            int context = policy.model().config().blockSize();
            for (int start = 0; start < prompts.size(); start += batchSize) {
                List<long[]> batch = new ArrayList<>();
                for (String prompt : prompts.subList(start, Math.min(prompts.size(), start + batchSize))) {
                    batch.add(PolicyText.prompt(tokenizer, prompt, context, sampling.maxNewTokens()));
                }
                long[][] generated = Sampler.sample(policy.model(), batch, sampling, rng.fork()).tokens();
                for (long[] tokens : generated) {
                    responses.add(PolicyText.decode(tokenizer, tokens));
                }
                progress.accept(responses.size());
            }
        }
        return responses;
    }
}

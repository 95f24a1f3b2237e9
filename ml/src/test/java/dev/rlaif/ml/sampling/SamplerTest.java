package dev.rlaif.ml.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.rlaif.ml.Rng;
import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.GptConfig;
import dev.rlaif.ml.training.TokenBatch;
import dev.rlaif.ml.training.TokenLogProbs;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SamplerTest {

    static final GptConfig CONFIG = new GptConfig(30, 48, 2, 2, 32, 0f, 1e-5f, 1, 2, 0);
    static final List<long[]> PROMPTS = List.of(new long[] {1, 5, 6, 7, 8, 9}, new long[] {1, 10}, new long[] {1, 11, 12});

    static Gpt model;

    @BeforeAll
    static void createModel() {
        model = Gpt.initialize(CONFIG, 42, false);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void sameSeedSameSamples() {
        var config = new SamplingConfig(1f, 0, 1f, 20, true);
        var first = Sampler.sample(model, PROMPTS, config, new Rng(9));
        var second = Sampler.sample(model, PROMPTS, config, new Rng(9));
        var other = Sampler.sample(model, PROMPTS, config, new Rng(10));
        assertThat(second.tokens()).isDeepEqualTo(first.tokens());
        assertThat(second.logProbs()).isDeepEqualTo(first.logProbs());
        assertThat(other.tokens()).isNotEqualTo(first.tokens());
    }

    @Test
    void kvCacheAndFullRecomputationDrawTheSameTokens() {
        var config = new SamplingConfig(0.9f, 10, 0.95f, 24, true);
        var cached = Sampler.sample(model, PROMPTS, config, new Rng(3));
        var recomputed = Sampler.sample(model, PROMPTS, config.withoutKvCache(), new Rng(3));
        assertThat(recomputed.tokens()).isDeepEqualTo(cached.tokens());
        for (int b = 0; b < PROMPTS.size(); b++) {
            for (int i = 0; i < cached.logProbs()[b].length; i++) {
                assertThat(recomputed.logProbs()[b][i]).isCloseTo(cached.logProbs()[b][i], within(1e-4f));
            }
        }
    }

    @Test
    void leftPaddingDoesNotChangeARowsContinuation() {
        var config = SamplingConfig.greedy(12);
        var batched = Sampler.sample(model, PROMPTS, config, new Rng(1));
        for (int b = 0; b < PROMPTS.size(); b++) {
            var alone = Sampler.sample(model, List.of(PROMPTS.get(b)), config, new Rng(1));
            assertThat(batched.tokens()[b]).isEqualTo(alone.tokens()[0]);
        }
    }

    @Test
    void sampledLogProbsMatchTheTrainingForwardPass() {
        var config = new SamplingConfig(0.7f, 0, 1f, 16, true);
        var samples = Sampler.sample(model, PROMPTS, config, new Rng(5));
        TokenBatch batch = TokenBatch.of(PROMPTS, List.of(samples.tokens()), CONFIG.padTokenId());
        try (NDManager step = model.manager().newSubManager()) {
            float[] logProbs = TokenLogProbs.of(model, batch, step, 0.7f, false, false).logProbs().toFloatArray();
            for (int b = 0; b < PROMPTS.size(); b++) {
                int start = PROMPTS.get(b).length - 1;
                for (int i = 0; i < samples.tokens()[b].length; i++) {
                    float expected = logProbs[b * (batch.length() - 1) + start + i];
                    assertThat(samples.logProbs()[b][i]).isCloseTo(expected, within(1e-4f));
                }
            }
        }
    }

    @Test
    void topKOfOneIsGreedyAndTopPKeepsOnlyLikelyTokens() {
        var greedy = Sampler.sample(model, PROMPTS, SamplingConfig.greedy(10), new Rng(1));
        var topOne = Sampler.sample(model, PROMPTS, new SamplingConfig(1.5f, 1, 1f, 10, true), new Rng(77));
        assertThat(topOne.tokens()).isDeepEqualTo(greedy.tokens());
        var nucleus = Sampler.sample(model, PROMPTS, new SamplingConfig(1f, 0, 1e-6f, 10, true), new Rng(78));
        assertThat(nucleus.tokens()).isDeepEqualTo(greedy.tokens());
    }

    @Test
    void rowsStopAtEosAndRespectMaxNewTokens() {
        // a hot temperature makes EOS (1 of 30 tokens) come up within 30 tokens for most rows
        int stopped = 0;
        for (int seed = 0; seed < 6; seed++) {
            var samples = Sampler.sample(model, PROMPTS, new SamplingConfig(4f, 0, 1f, 30, true), new Rng(seed));
            for (int b = 0; b < PROMPTS.size(); b++) {
                long[] row = samples.tokens()[b];
                assertThat(row.length).isBetween(1, 30);
                for (int i = 0; i < row.length - 1; i++) {
                    assertThat(row[i]).isNotEqualTo(CONFIG.eosTokenId());
                }
                boolean endsWithEos = row[row.length - 1] == CONFIG.eosTokenId();
                assertThat(samples.stoppedAtEos()[b]).isEqualTo(endsWithEos);
                if (endsWithEos) {
                    stopped++;
                } else {
                    assertThat(row).hasSize(30);
                }
            }
        }
        assertThat(stopped).isGreaterThan(0);
    }
}

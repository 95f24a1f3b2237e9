package dev.rlaif.ml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.rlaif.ml.tokenizer.WordLevelTokenizerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GptTest {

    static final GptConfig TINY = new GptConfig(40, 32, 2, 2, 16, 0f, 1e-5f, 1, 2, 0);

    @TempDir
    Path dir;

    @Test
    void cachedDecodingGivesTheSameLogitsAsAFullForwardPass() {
        long[] tokens = {1, 5, 9, 13, 7, 22, 3, 31, 8, 4, 1, 6, 12, 19, 25, 30, 2, 11, 14, 17};
        try (Gpt model = Gpt.initialize(TINY, 7, false); NDManager step = model.manager().newSubManager()) {
            NDArray ids = step.create(tokens, new Shape(2, 10));
            float[] full = model.logits(model.hidden(ids, false)).toFloatArray(); // (2, 10, V)

            KvCache cache = new KvCache(TINY.nLayer(), step);
            int prefix = 4;
            NDArray prompt = ids.get(new NDIndex(":, 0:" + prefix));
            NDArray positions = step.arange(0, prefix, 1, DataType.INT64).reshape(1, prefix);
            NDArray logits = model.logits(model.hidden(prompt, positions, AttentionMasks.causal(step, prefix, 0), cache, false));
            assertRowsMatch(full, logits.toFloatArray(), 0, prefix);
            for (int t = prefix; t < 10; t++) {
                NDArray next = ids.get(new NDIndex(":, " + t + ":" + (t + 1)));
                NDArray position = step.create(new long[] {t}, new Shape(1, 1));
                NDArray stepLogits = model.logits(model.hidden(next, position, AttentionMasks.causal(step, 1, t), cache, false));
                assertRowsMatch(full, stepLogits.toFloatArray(), t, 1);
            }
            assertThat(cache.length()).isEqualTo(10);
        }
    }

    private static void assertRowsMatch(float[] full, float[] part, int from, int count) {
        int v = TINY.vocabSize();
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < count; i++) {
                for (int k = 0; k < v; k++) {
                    float expected = full[(b * 10 + from + i) * v + k];
                    float actual = part[(b * count + i) * v + k];
                    assertThat(actual).isCloseTo(expected, within(1e-5f));
                }
            }
        }
    }

    @Test
    void safetensorsRoundTripIsExact() throws Exception {
        var tokenizer = new WordLevelTokenizerBuilder().addText("a b c d e f").build();
        GptConfig config = new GptConfig(tokenizer.vocabSize(), 16, 1, 2, 8, 0.1f, 1e-5f,
                tokenizer.bosId(), tokenizer.eosId(), tokenizer.padId());
        try (Gpt model = Gpt.initialize(config, 3, true)) {
            HfCheckpoint.save(dir, model, tokenizer);
            assertThat(dir.resolve("config.json")).exists();
            assertThat(dir.resolve("tokenizer.json")).exists();
            try (var loaded = HfCheckpoint.load(dir)) {
                assertThat(loaded.model().config()).isEqualTo(config);
                assertThat(loaded.model().hasScalarHead()).isTrue();
                var before = model.stateDict();
                var after = loaded.model().stateDict();
                assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
                before.forEach((name, tensor) -> {
                    assertThat(after.get(name).shape()).as(name).isEqualTo(tensor.shape());
                    assertThat(after.get(name).data()).as(name).isEqualTo(tensor.data());
                });
                assertThat(loaded.tokenizer().encode("c a f")).isEqualTo(tokenizer.encode("c a f"));
            }
            Files.copy(dir.resolve("model.safetensors"), dir.resolve("copy.safetensors"));
            var raw = Safetensors.read(dir.resolve("copy.safetensors"));
            assertThat(raw).containsKeys("transformer.wte.weight", "transformer.h.0.attn.c_attn.weight", Gpt.SCORE_HEAD);
            assertThat(raw.get("transformer.h.0.attn.c_attn.weight").shape()).containsExactly(8, 24);
        }
    }

    @Test
    void parameterCountMatchesTheConfigFormula() {
        try (Gpt model = Gpt.initialize(TINY, 1, false)) {
            assertThat(model.parameterCount()).isEqualTo(TINY.parameterCount());
        }
    }
}

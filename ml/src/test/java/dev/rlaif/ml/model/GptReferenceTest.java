package dev.rlaif.ml.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Our GPT-2 against an independent PyTorch implementation: the fixtures come from
 * {@code src/test/python/gpt2_reference.py} (Debian python3-torch), committed so CI needs no torch.
 */
class GptReferenceTest {

    @Test
    void logitsMatchThePyTorchReferenceWithinOneInTenThousand() throws Exception {
        Path fixture = fixture();
        var expected = Safetensors.read(fixture.resolve("expected.safetensors"));
        float[] ids = expected.get("input_ids").data();
        long[] tokens = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            tokens[i] = (long) ids[i];
        }
        long[] shape = expected.get("input_ids").shape();
        try (var loaded = HfCheckpoint.load(fixture); NDManager step = loaded.model().manager().newSubManager()) {
            Gpt model = loaded.model();
            float[] logits = model.logits(model.hidden(step.create(tokens, new Shape(shape)), false)).toFloatArray();
            float[] reference = expected.get("logits").data();
            assertThat(logits).hasSameSizeAs(reference);
            double worst = 0;
            for (int i = 0; i < logits.length; i++) {
                worst = Math.max(worst, Math.abs(logits[i] - reference[i]));
            }
            assertThat(worst).isLessThan(1e-4);
        }
    }

    /**
     * The other direction: a checkpoint ml writes, with its logits, for {@code gpt2_reference.py
     * check target/reference-from-java} (run by bench/vs-pytorch.sh where torch is installed).
     */
    @Test
    void writesACheckpointAndLogitsForThePyTorchCheck() throws Exception {
        Path out = Path.of("target", "reference-from-java");
        GptConfig config = new GptConfig(60, 24, 3, 4, 32, 0f, 1e-5f, 1, 2, 0);
        long[] tokens = new long[2 * 9];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = (i * 7 + 3) % config.vocabSize();
        }
        try (Gpt model = Gpt.initialize(config, 99, false); NDManager step = model.manager().newSubManager()) {
            HfCheckpoint.save(out, model, null);
            float[] logits = model.logits(model.hidden(step.create(tokens, new Shape(2, 9)), false)).toFloatArray();
            float[] ids = new float[tokens.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = tokens[i];
            }
            Safetensors.write(out.resolve("expected.safetensors"), java.util.Map.of(
                    "input_ids", new Safetensors.Tensor(new long[] {2, 9}, ids),
                    "logits", new Safetensors.Tensor(new long[] {2, 9, config.vocabSize()}, logits)));
            try (var loaded = HfCheckpoint.load(out)) {
                assertThat(loaded.model().config()).isEqualTo(config);
            }
        }
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(GptReferenceTest.class.getResource("/reference/gpt2-tiny/config.json").toURI()).getParent();
    }
}

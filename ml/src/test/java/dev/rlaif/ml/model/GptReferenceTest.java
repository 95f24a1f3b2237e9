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

    private static Path fixture() throws URISyntaxException {
        return Path.of(GptReferenceTest.class.getResource("/reference/gpt2-tiny/config.json").toURI()).getParent();
    }
}

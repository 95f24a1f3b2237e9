package dev.rlaif.ml.training;

import dev.rlaif.ml.Rng;
import dev.rlaif.ml.model.GptConfig;
import java.util.ArrayList;
import java.util.List;

/** A toy task for tests: "BOS a b c d SEP" → "d c b a EOS", eight symbols. */
final class ReverseTask {

    static final int PAD = 0;
    static final int BOS = 1;
    static final int EOS = 2;
    static final int SEP = 3;
    static final int FIRST_SYMBOL = 4;
    static final int SYMBOLS = 8;
    static final int LENGTH = 4;

    static GptConfig config(int nEmbd, int nLayer, int nHead) {
        return new GptConfig(FIRST_SYMBOL + SYMBOLS, 16, nLayer, nHead, nEmbd, 0f, 1e-5f, BOS, EOS, PAD);
    }

    static List<SftExample> examples(int count, long seed) {
        Rng rng = new Rng(seed);
        List<SftExample> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long[] symbols = new long[LENGTH];
            for (int j = 0; j < LENGTH; j++) {
                symbols[j] = FIRST_SYMBOL + rng.nextInt(SYMBOLS);
            }
            examples.add(example(symbols));
        }
        return examples;
    }

    static SftExample example(long[] symbols) {
        long[] prompt = new long[LENGTH + 2];
        long[] response = new long[LENGTH + 1];
        prompt[0] = BOS;
        for (int j = 0; j < LENGTH; j++) {
            prompt[j + 1] = symbols[j];
            response[j] = symbols[LENGTH - 1 - j];
        }
        prompt[LENGTH + 1] = SEP;
        response[LENGTH] = EOS;
        return new SftExample(prompt, response);
    }

    private ReverseTask() {}
}

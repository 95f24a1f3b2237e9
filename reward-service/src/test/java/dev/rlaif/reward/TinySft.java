package dev.rlaif.reward;

import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.GptConfig;
import dev.rlaif.ml.model.HfCheckpoint;
import dev.rlaif.ml.tokenizer.TextTokenizer;
import dev.rlaif.ml.tokenizer.WordLevelTokenizerBuilder;
import java.io.IOException;
import java.nio.file.Path;

/** A tiny "SFT policy" checkpoint in the Hugging Face layout: a small GPT and a word-level tokenizer of the corpus. */
public final class TinySft {

    private TinySft() {
    }

    public static void write(Path directory, Iterable<String> corpus, long seed) throws IOException {
        var builder = new WordLevelTokenizerBuilder().maxVocabSize(400).addCorpus(corpus).addText("TL;DR:");
        try (TextTokenizer tokenizer = builder.build()) {
            var config = new GptConfig(tokenizer.vocabSize(), 128, 2, 2, 32, 0f, 1e-5f,
                    tokenizer.bosId(), tokenizer.eosId(), tokenizer.padId());
            try (Gpt model = Gpt.initialize(config, seed, false)) {
                HfCheckpoint.save(directory, model, tokenizer);
            }
        }
    }
}

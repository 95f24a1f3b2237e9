package dev.rlaif.ml.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextTokenizerTest {

    @TempDir
    Path dir;

    @Test
    void wordLevelVocabularyPutsSpecialTokensFirstAndWordsByFrequency() throws Exception {
        var builder = new WordLevelTokenizerBuilder().addCorpus(List.of("the cat sat.", "the dog sat on the mat."));
        assertThat(builder.vocabulary()).startsWith("<pad>", "<bos>", "<eos>", "<unk>", "the", ".", "sat");
        try (TextTokenizer tokenizer = builder.build()) {
            assertThat(tokenizer.padId()).isZero();
            assertThat(tokenizer.bosId()).isEqualTo(1);
            assertThat(tokenizer.eosId()).isEqualTo(2);
            long[] ids = tokenizer.encode("the cat sat on the zebra.");
            assertThat(ids).hasSize(7);
            assertThat(ids[5]).isEqualTo(3);
            assertThat(tokenizer.decode(tokenizer.encode("the dog sat ."))).isEqualTo("the dog sat .");
        }
    }

    @Test
    void longTextsAreNeverTruncated() throws Exception {
        try (TextTokenizer tokenizer = new WordLevelTokenizerBuilder().addText("x y").build()) {
            String text = "x y ".repeat(1000);
            assertThat(tokenizer.encode(text)).hasSize(2000);
        }
    }

    @Test
    void savedTokenizerLoadsWithTheSameIds() throws Exception {
        try (TextTokenizer tokenizer = new WordLevelTokenizerBuilder().addText("red green blue green").build()) {
            tokenizer.save(dir);
            try (TextTokenizer loaded = TextTokenizer.load(dir, SpecialTokens.WORD_LEVEL)) {
                assertThat(loaded.encode("blue red green")).isEqualTo(tokenizer.encode("blue red green"));
                assertThat(loaded.vocabSize()).isEqualTo(tokenizer.vocabSize());
                assertThat(loaded.eosId()).isEqualTo(2);
            }
        }
    }
}

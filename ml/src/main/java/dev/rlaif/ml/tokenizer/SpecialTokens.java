package dev.rlaif.ml.tokenizer;

/**
 * The special tokens a language model needs, by their text. GPT-2 uses {@code <|endoftext|>} for
 * all three; a word-level vocabulary built here has a distinct token for each.
 */
public record SpecialTokens(String bos, String eos, String pad, String unk) {

    public static final SpecialTokens WORD_LEVEL = new SpecialTokens("<bos>", "<eos>", "<pad>", "<unk>");
    public static final SpecialTokens GPT2 =
            new SpecialTokens("<|endoftext|>", "<|endoftext|>", "<|endoftext|>", "<|endoftext|>");
}

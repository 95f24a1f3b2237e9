package dev.rlaif.ml.tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a word-level {@code tokenizer.json} from a corpus: the Hugging Face {@code Whitespace}
 * pre-tokenizer (runs of word characters, runs of punctuation), the most frequent words as the
 * vocabulary, and the special tokens first with fixed ids: pad 0, bos 1, eos 2, unk 3.
 */
public final class WordLevelTokenizerBuilder {

    /** The same split as the {@code Whitespace} pre-tokenizer: {@code \w+|[^\w\s]+}. */
    private static final Pattern WORDS = Pattern.compile("\\w+|[^\\w\\s]+", Pattern.UNICODE_CHARACTER_CLASS);

    private final SpecialTokens special = SpecialTokens.WORD_LEVEL;
    private final Map<String, Integer> counts = new HashMap<>();
    private int maxVocabSize = 1000;
    private int minCount = 1;

    public WordLevelTokenizerBuilder maxVocabSize(int size) {
        this.maxVocabSize = size;
        return this;
    }

    public WordLevelTokenizerBuilder minCount(int count) {
        this.minCount = count;
        return this;
    }

    public WordLevelTokenizerBuilder addText(String text) {
        Matcher m = WORDS.matcher(text);
        while (m.find()) {
            counts.merge(m.group(), 1, Integer::sum);
        }
        return this;
    }

    public WordLevelTokenizerBuilder addCorpus(Iterable<String> texts) {
        texts.forEach(this::addText);
        return this;
    }

    /** Most frequent first, ties alphabetical, so the same corpus always gives the same ids. */
    public List<String> vocabulary() {
        List<String> words = new ArrayList<>();
        words.add(special.pad());
        words.add(special.bos());
        words.add(special.eos());
        words.add(special.unk());
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount && !words.contains(e.getKey()))
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(Math.max(0, maxVocabSize - words.size()))
                .forEach(e -> words.add(e.getKey()));
        return words;
    }

    public String toJson() {
        ObjectMapper json = new ObjectMapper();
        List<String> words = vocabulary();
        ObjectNode root = json.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        List<String> specials = List.of(special.pad(), special.bos(), special.eos(), special.unk());
        for (int id = 0; id < specials.size(); id++) {
            added.addObject()
                    .put("id", id)
                    .put("content", specials.get(id))
                    .put("single_word", false)
                    .put("lstrip", false)
                    .put("rstrip", false)
                    .put("normalized", false)
                    .put("special", true);
        }
        root.putNull("normalizer");
        root.putObject("pre_tokenizer").put("type", "Whitespace");
        root.putNull("post_processor");
        root.putNull("decoder");
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            vocab.put(words.get(i), i);
        }
        ObjectNode vocabNode = model.putObject("vocab");
        vocab.forEach(vocabNode::put);
        model.put("unk_token", special.unk());
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    public TextTokenizer build() throws java.io.IOException {
        return TextTokenizer.fromJson(toJson(), special);
    }
}

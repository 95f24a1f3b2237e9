package dev.rlaif.ml.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A Hugging Face {@code tokenizer.json} loaded through DJL's tokenizers binding, with the special
 * token ids resolved up front. Encoding never adds special tokens and never truncates: callers
 * place BOS/EOS themselves and check lengths against the model's {@code n_positions}.
 */
public final class TextTokenizer implements AutoCloseable {

    /** Far above any sequence we feed; the binding's default (512) would truncate silently. */
    private static final int MAX_LENGTH = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HuggingFaceTokenizer tokenizer;
    private final String json;
    private final Map<String, Integer> vocabulary;
    private final int vocabSize;
    private final int bosId;
    private final int eosId;
    private final int padId;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, String json, Map<String, Integer> vocabulary,
            int bosId, int eosId, int padId) {
        this.tokenizer = tokenizer;
        this.json = json;
        this.vocabulary = vocabulary;
        this.vocabSize = vocabulary.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        this.bosId = bosId;
        this.eosId = eosId;
        this.padId = padId;
    }

    /** Loads {@code tokenizer.json} (a file, or a directory holding one). */
    public static TextTokenizer load(Path path, SpecialTokens special) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve("tokenizer.json") : path;
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), special);
    }

    public static TextTokenizer fromJson(String json, SpecialTokens special) throws IOException {
        Map<String, Integer> vocabulary = vocabularyOf(JSON.readTree(json));
        return fromJson(json, idIn(vocabulary, special.bos()), idIn(vocabulary, special.eos()),
                idIn(vocabulary, special.pad()));
    }

    /** Loads {@code tokenizer.json} with special token ids given directly (e.g. from {@code config.json}). */
    public static TextTokenizer load(Path path, int bosId, int eosId, int padId) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve("tokenizer.json") : path;
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), bosId, eosId, padId);
    }

    public static TextTokenizer fromJson(String json, int bosId, int eosId, int padId) throws IOException {
        Map<String, Integer> vocabulary = vocabularyOf(JSON.readTree(json));
        Path temp = Files.createTempFile("tokenizer", ".json");
        try {
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(temp)
                    .optAddSpecialTokens(false)
                    .optTruncation(false)
                    .optPadding(false)
                    .optMaxLength(MAX_LENGTH)
                    .build();
            return new TextTokenizer(tokenizer, json, vocabulary, bosId, eosId, padId);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes {@code tokenizer.json} into {@code directory} exactly as it was loaded. */
    public void save(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("tokenizer.json"), json, StandardCharsets.UTF_8);
    }

    public long[] encode(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    public String decode(long[] ids) {
        return tokenizer.decode(ids, true);
    }

    public int idOf(String token) {
        return idIn(vocabulary, token);
    }

    private static int idIn(Map<String, Integer> vocabulary, String token) {
        Integer id = vocabulary.get(token);
        if (id == null) {
            throw new IllegalArgumentException("token " + token + " is not in the vocabulary");
        }
        return id;
    }

    public int vocabSize() {
        return vocabSize;
    }

    public int bosId() {
        return bosId;
    }

    public int eosId() {
        return eosId;
    }

    public int padId() {
        return padId;
    }

    public String json() {
        return json;
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    private static Map<String, Integer> vocabularyOf(JsonNode root) {
        Map<String, Integer> vocabulary = new HashMap<>();
        JsonNode vocab = root.path("model").path("vocab");
        if (vocab.isObject()) {
            vocab.properties().forEach(e -> vocabulary.put(e.getKey(), e.getValue().asInt()));
        } else if (vocab.isArray()) {
            // Unigram models list [token, score] pairs; the id is the position
            for (int i = 0; i < vocab.size(); i++) {
                vocabulary.put(vocab.get(i).get(0).asString(), i);
            }
        }
        for (JsonNode added : root.path("added_tokens")) {
            vocabulary.put(added.get("content").asString(), added.get("id").asInt());
        }
        return vocabulary;
    }
}

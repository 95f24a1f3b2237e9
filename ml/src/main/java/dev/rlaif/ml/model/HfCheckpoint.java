package dev.rlaif.ml.model;

import dev.rlaif.ml.tokenizer.TextTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Hugging Face directory layout: {@code config.json}, {@code model.safetensors} and {@code
 * tokenizer.json}, with GPT-2's parameter names. Our checkpoints open in {@code transformers} as
 * {@code GPT2LMHeadModel}; a GPT-2-family checkpoint saved as safetensors loads here.
 */
public final class HfCheckpoint {

    /** A model and its tokenizer (absent when the directory has no {@code tokenizer.json}). */
    public record Loaded(Gpt model, TextTokenizer tokenizer) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
            if (tokenizer != null) {
                tokenizer.close();
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private HfCheckpoint() {}

    public static void save(Path directory, Gpt model, TextTokenizer tokenizer) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("config.json"), configJson(model.config(), model.hasScalarHead()));
        Safetensors.write(directory.resolve("model.safetensors"), model.stateDict());
        if (tokenizer != null) {
            tokenizer.save(directory);
        }
    }

    public static GptConfig readConfig(Path directory) throws IOException {
        JsonNode c = JSON.readTree(Files.readString(directory.resolve("config.json")));
        int eos = c.path("eos_token_id").asInt(50256);
        float dropout = (float) c.path("resid_pdrop").asDouble(0.1);
        return new GptConfig(
                c.get("vocab_size").asInt(),
                c.get("n_positions").asInt(),
                c.get("n_layer").asInt(),
                c.get("n_head").asInt(),
                c.get("n_embd").asInt(),
                dropout,
                (float) c.path("layer_norm_epsilon").asDouble(1e-5),
                c.path("bos_token_id").asInt(eos),
                eos,
                c.path("pad_token_id").isNumber() ? c.get("pad_token_id").asInt() : eos);
    }

    /**
     * Loads a model; a scalar head is loaded when the file has {@code score.weight}, or created
     * (seeded) when {@code scalarHead} asks for one the file lacks.
     */
    public static Loaded load(Path directory, boolean scalarHead, boolean trainable, long seed) throws IOException {
        GptConfig config = readConfig(directory);
        Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
        Safetensors.read(directory.resolve("model.safetensors"), HfCheckpoint::isWeight)
                .forEach((name, tensor) -> tensors.put(hfName(name), tensor));
        boolean withHead = scalarHead || tensors.containsKey(Gpt.SCORE_HEAD);
        var source = WeightSource.of(tensors, WeightSource.gpt2Init(config, new dev.rlaif.ml.Rng(seed)));
        Gpt model = Gpt.fromWeights(config, source, withHead, trainable);
        Path tokenizerFile = directory.resolve("tokenizer.json");
        TextTokenizer tokenizer = Files.exists(tokenizerFile)
                ? TextTokenizer.load(tokenizerFile, config.bosTokenId(), config.eosTokenId(), config.padTokenId())
                : null;
        return new Loaded(model, tokenizer);
    }

    public static Loaded load(Path directory) throws IOException {
        return load(directory, false, true, 0L);
    }

    /** Causal-mask buffers and the tied {@code lm_head} are not weights of their own. */
    private static boolean isWeight(String name) {
        return !(name.endsWith(".attn.bias") || name.endsWith(".attn.masked_bias") || name.equals("lm_head.weight"));
    }

    /** Bare {@code GPT2Model} files name parameters without the {@code transformer.} prefix. */
    private static String hfName(String name) {
        return name.startsWith("transformer.") || name.equals(Gpt.SCORE_HEAD) ? name : "transformer." + name;
    }

    static String configJson(GptConfig config, boolean scalarHead) {
        ObjectNode c = JSON.createObjectNode();
        c.putArray("architectures").add("GPT2LMHeadModel");
        c.put("model_type", "gpt2");
        c.put("vocab_size", config.vocabSize());
        c.put("n_positions", config.blockSize());
        c.put("n_ctx", config.blockSize());
        c.put("n_embd", config.nEmbd());
        c.put("n_layer", config.nLayer());
        c.put("n_head", config.nHead());
        c.putNull("n_inner");
        c.put("activation_function", "gelu_new");
        c.put("resid_pdrop", config.dropout());
        c.put("embd_pdrop", config.dropout());
        c.put("attn_pdrop", config.dropout());
        c.put("layer_norm_epsilon", config.layerNormEpsilon());
        c.put("initializer_range", 0.02);
        c.put("bos_token_id", config.bosTokenId());
        c.put("eos_token_id", config.eosTokenId());
        c.put("pad_token_id", config.padTokenId());
        c.put("tie_word_embeddings", true);
        c.put("torch_dtype", "float32");
        // our own key: transformers ignores it; it tells our loader the file carries score.weight
        c.put("rlaif_scalar_head", scalarHead);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c);
    }
}

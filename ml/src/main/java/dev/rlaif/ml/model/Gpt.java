package dev.rlaif.ml.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.rlaif.ml.Engines;
import dev.rlaif.ml.Rng;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GPT-2: token and learned position embeddings, {@code n_layer} pre-LN blocks, a final LayerNorm,
 * the output head tied to the token embedding, and optionally a scalar head (value or reward,
 * Hugging Face's {@code score.weight}) on the same backbone.
 *
 * <p>The model owns the native memory of its parameters; close it when done. Every forward call
 * allocates in the manager of its input ids, so callers run each step in a sub-manager.
 */
public final class Gpt extends GptModule implements AutoCloseable {

    public static final String SCORE_HEAD = "score.weight";

    private final GptConfig config;
    private final NDManager manager;
    private final boolean trainable;
    private final Map<String, Parameter> byHfName = new LinkedHashMap<>();
    private final Parameter tokenEmbedding;
    private final Parameter positionEmbedding;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final Parameter finalGain;
    private final Parameter finalBias;
    private final Parameter scoreWeight;

    private Gpt(GptConfig config, WeightSource source, boolean withScalarHead, boolean trainable) {
        this.config = config;
        this.trainable = trainable;
        this.manager = Engines.newManager();
        tokenEmbedding = parameter("wte", "transformer.wte.weight",
                new Shape(config.vocabSize(), config.nEmbd()), source, manager, byHfName);
        positionEmbedding = parameter("wpe", "transformer.wpe.weight",
                new Shape(config.blockSize(), config.nEmbd()), source, manager, byHfName);
        for (int i = 0; i < config.nLayer(); i++) {
            blocks.add(addChildBlock("h_" + i, new TransformerBlock(config, i, source, manager, byHfName)));
        }
        Shape c = new Shape(config.nEmbd());
        finalGain = parameter("ln_f_weight", "transformer.ln_f.weight", c, source, manager, byHfName);
        finalBias = parameter("ln_f_bias", "transformer.ln_f.bias", c, source, manager, byHfName);
        scoreWeight = withScalarHead
                ? parameter("score_weight", SCORE_HEAD, new Shape(1, config.nEmbd()), source, manager, byHfName)
                : null;
        if (!trainable) {
            byHfName.values().forEach(p -> p.getArray().setRequiresGradient(false));
        }
    }

    /** A new model with GPT-2's initialisation drawn from {@code seed}. */
    public static Gpt initialize(GptConfig config, long seed, boolean withScalarHead) {
        return new Gpt(config, WeightSource.gpt2Init(config, new Rng(seed)), withScalarHead, true);
    }

    /** A model whose values come from {@code source}. */
    public static Gpt fromWeights(GptConfig config, WeightSource source, boolean withScalarHead, boolean trainable) {
        return new Gpt(config, source, withScalarHead, trainable);
    }

    /** A frozen copy (no gradients), e.g. the reference policy for the KL penalty. */
    public Gpt frozenCopy() {
        return new Gpt(config, WeightSource.of(stateDict()), hasScalarHead(), false);
    }

    /** A trainable copy, optionally adding a freshly initialised scalar head. */
    public Gpt trainableCopy(boolean withScalarHead, long seed) {
        var init = WeightSource.gpt2Init(config, new Rng(seed));
        return new Gpt(config, WeightSource.of(stateDict(), init), withScalarHead, true);
    }

    public GptConfig config() {
        return config;
    }

    public boolean hasScalarHead() {
        return scoreWeight != null;
    }

    public boolean isTrainable() {
        return trainable;
    }

    public NDManager manager() {
        return manager;
    }

    /** Parameters under their Hugging Face names, in a fixed order. */
    public Map<String, Parameter> namedParameters() {
        return Collections.unmodifiableMap(byHfName);
    }

    /** Every parameter's values copied to the Java heap, keyed by HF name (lm_head is tied, so absent). */
    public Map<String, Safetensors.Tensor> stateDict() {
        Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
        byHfName.forEach((name, p) -> tensors.put(name,
                new Safetensors.Tensor(p.getArray().getShape().getShape(), p.getArray().toFloatArray())));
        return tensors;
    }

    /** Overwrites every parameter in place (same shapes), e.g. to sync a policy into a sampler copy. */
    public void loadStateDict(Map<String, Safetensors.Tensor> tensors) {
        byHfName.forEach((name, p) -> {
            var tensor = tensors.get(name);
            if (tensor == null) {
                throw new IllegalArgumentException("state has no tensor " + name);
            }
            p.getArray().set(tensor.data());
        });
    }

    public long parameterCount() {
        long n = 0;
        for (Parameter p : byHfName.values()) {
            n += p.getArray().size();
        }
        return n;
    }

    /**
     * The backbone: (B, T) token ids to (B, T, C) final-LayerNorm hidden states.
     *
     * @param positions (B or 1, T) position ids
     * @param mask additive attention mask, see {@link AttentionMasks}
     * @param cache keys and values of earlier tokens, or null
     */
    public NDArray hidden(NDArray ids, NDArray positions, NDArray mask, KvCache cache, boolean training) {
        NDArray tokens = ids.getNDArrayInternal()
                .embedding(ids, tokenEmbedding.getArray(), SparseFormat.DENSE).get(0); // (B, T, C)
        NDArray places = positions.getNDArrayInternal()
                .embedding(positions, positionEmbedding.getArray(), SparseFormat.DENSE).get(0); // (B|1, T, C)
        NDArray x = dropout(tokens.add(places), config.dropout(), training);
        for (TransformerBlock block : blocks) {
            x = block.forward(x, mask, cache, training);
        }
        return layerNorm(x, finalGain, finalBias, config.layerNormEpsilon());
    }

    /** Unpadded (or right-padded) causal forward from position {@code 0}: (B, T) ids to (B, T, C). */
    public NDArray hidden(NDArray ids, boolean training) {
        NDManager step = ids.getManager();
        long t = ids.getShape().get(1);
        if (t > config.blockSize()) {
            throw new IllegalArgumentException("sequence of " + t + " tokens exceeds n_positions " + config.blockSize());
        }
        NDArray positions = step.arange(0, (int) t, 1, DataType.INT64).reshape(1, t);
        return hidden(ids, positions, AttentionMasks.causal(step, t, 0), null, training);
    }

    /** The tied output head: (B, T, C) to (B, T, V) logits. */
    public NDArray logits(NDArray hidden) {
        NDArray unembedding = inStep(tokenEmbedding.getArray().transpose(), hidden.getManager()); // (C, V)
        return hidden.matMul(unembedding);
    }

    /** The scalar head: (B, T, C) to (B, T) values or rewards. */
    public NDArray scores(NDArray hidden) {
        if (scoreWeight == null) {
            throw new IllegalStateException("this model was built without a scalar head");
        }
        return hidden.mul(scoreWeight.getArray()).sum(new int[] {-1});
    }

    /** The arrays an optimiser updates, in {@link #namedParameters()} order. */
    public List<NDArray> trainableArrays() {
        List<NDArray> arrays = new ArrayList<>();
        byHfName.values().forEach(p -> arrays.add(p.getArray()));
        return arrays;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray hidden = hidden(inputs.head(), training);
        return scoreWeight == null ? new NDList(logits(hidden)) : new NDList(logits(hidden), scores(hidden));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        Shape logits = new Shape(ids.get(0), ids.get(1), config.vocabSize());
        return scoreWeight == null ? new Shape[] {logits} : new Shape[] {logits, ids};
    }

    @Override
    public void close() {
        manager.close();
    }
}

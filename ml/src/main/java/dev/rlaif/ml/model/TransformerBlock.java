package dev.rlaif.ml.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/** One pre-LayerNorm block: x + attn(ln_1(x)), then x + mlp(ln_2(x)). */
public final class TransformerBlock extends GptModule {

    private final GptConfig config;
    private final Parameter ln1Gain;
    private final Parameter ln1Bias;
    private final CausalSelfAttention attention;
    private final Parameter ln2Gain;
    private final Parameter ln2Bias;
    private final Mlp mlp;

    TransformerBlock(GptConfig config, int layer, WeightSource source, NDManager manager,
            Map<String, Parameter> byHfName) {
        this.config = config;
        String prefix = "transformer.h." + layer + ".";
        Shape c = new Shape(config.nEmbd());
        ln1Gain = parameter("ln_1_weight", prefix + "ln_1.weight", c, source, manager, byHfName);
        ln1Bias = parameter("ln_1_bias", prefix + "ln_1.bias", c, source, manager, byHfName);
        attention = addChildBlock("attn",
                new CausalSelfAttention(config, layer, prefix + "attn.", source, manager, byHfName));
        ln2Gain = parameter("ln_2_weight", prefix + "ln_2.weight", c, source, manager, byHfName);
        ln2Bias = parameter("ln_2_bias", prefix + "ln_2.bias", c, source, manager, byHfName);
        mlp = addChildBlock("mlp", new Mlp(config, prefix + "mlp.", source, manager, byHfName));
    }

    /** (B, T, C) -> (B, T, C). */
    NDArray forward(NDArray x, NDArray mask, KvCache cache, boolean training) {
        NDArray attended = attention.forward(layerNorm(x, ln1Gain, ln1Bias, config.layerNormEpsilon()), mask, cache, training);
        x = x.add(attended);
        return x.add(mlp.forward(layerNorm(x, ln2Gain, ln2Bias, config.layerNormEpsilon()), training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.head();
        return new NDList(forward(x, AttentionMasks.causal(x.getManager(), x.getShape().get(1), 0), null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}

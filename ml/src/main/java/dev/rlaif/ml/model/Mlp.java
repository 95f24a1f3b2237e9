package dev.rlaif.ml.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/** The position-wise feed-forward layer: C -> 4C -> GELU -> C. */
public final class Mlp extends GptModule {

    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

    private final GptConfig config;
    private final Parameter fcWeight;
    private final Parameter fcBias;
    private final Parameter projectionWeight;
    private final Parameter projectionBias;

    Mlp(GptConfig config, String prefix, WeightSource source, NDManager manager, Map<String, Parameter> byHfName) {
        this.config = config;
        int c = config.nEmbd();
        fcWeight = parameter("c_fc_weight", prefix + "c_fc.weight", new Shape(c, 4L * c), source, manager, byHfName);
        fcBias = parameter("c_fc_bias", prefix + "c_fc.bias", new Shape(4L * c), source, manager, byHfName);
        projectionWeight = parameter("c_proj_weight", prefix + "c_proj.weight", new Shape(4L * c, c), source, manager, byHfName);
        projectionBias = parameter("c_proj_bias", prefix + "c_proj.bias", new Shape(c), source, manager, byHfName);
    }

    /** (B, T, C) -> (B, T, C). */
    NDArray forward(NDArray x, boolean training) {
        NDArray hidden = geluTanh(x.matMul(fcWeight.getArray()).add(fcBias.getArray())); // (B, T, 4C)
        NDArray out = hidden.matMul(projectionWeight.getArray()).add(projectionBias.getArray());
        return dropout(out, config.dropout(), training);
    }

    /**
     * GPT-2's {@code gelu_new}, 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), written as
     * x·σ(2√(2/π)·x·(1 + 0.044715·x²)) since 0.5·(1 + tanh z) = σ(2z): seven kernels instead of nine.
     */
    static NDArray geluTanh(NDArray x) {
        NDArray inner = x.square().mul(0.044715).add(1).mul(x).mul(2 * SQRT_2_OVER_PI);
        return inner.getNDArrayInternal().sigmoid().mul(x);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(forward(inputs.head(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}

package dev.rlaif.ml.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * Multi-head causal self-attention with fused q, k, v projection. Weights are kept in GPT-2's
 * Conv1D layout (in, out), so {@code x.matMul(w)} needs no transpose and HF tensors load as they are.
 */
public final class CausalSelfAttention extends GptModule {

    private final GptConfig config;
    private final int layer;
    private final Parameter attentionWeight;
    private final Parameter attentionBias;
    private final Parameter projectionWeight;
    private final Parameter projectionBias;

    CausalSelfAttention(GptConfig config, int layer, String prefix, WeightSource source, NDManager manager,
            Map<String, Parameter> byHfName) {
        this.config = config;
        this.layer = layer;
        int c = config.nEmbd();
        attentionWeight = parameter("c_attn_weight", prefix + "c_attn.weight", new Shape(c, 3L * c), source, manager, byHfName);
        attentionBias = parameter("c_attn_bias", prefix + "c_attn.bias", new Shape(3L * c), source, manager, byHfName);
        projectionWeight = parameter("c_proj_weight", prefix + "c_proj.weight", new Shape(c, c), source, manager, byHfName);
        projectionBias = parameter("c_proj_bias", prefix + "c_proj.bias", new Shape(c), source, manager, byHfName);
    }

    /**
     * @param x (B, T, C)
     * @param mask additive, broadcastable to (B, H, T, S): 0 where a query may attend, -1e9
     *     elsewhere; null when every query may see every key
     * @param cache earlier keys and values, or null
     */
    NDArray forward(NDArray x, NDArray mask, KvCache cache, boolean training) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int c = config.nEmbd();
        NDArray qkv = x.matMul(attentionWeight.getArray()).add(attentionBias.getArray()); // (B, T, 3C)
        NDList qkvParts = qkv.split(3, 2);
        NDArray q = heads(qkvParts.get(0), b, t); // (B, H, T, D)
        NDArray k = heads(qkvParts.get(1), b, t);
        NDArray v = heads(qkvParts.get(2), b, t);
        if (cache != null) {
            NDArray[] kv = cache.append(layer, k, v); // (B, H, S, D)
            k = kv[0];
            v = kv[1];
        }
        NDManager step = x.getManager();
        NDArray keysT = inStep(k.transpose(0, 1, 3, 2), step); // (B, H, D, S)
        NDArray scores = q.matMul(keysT).mul(1.0 / Math.sqrt(config.headSize())); // (B, H, T, S)
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray attention = dropout(scores.softmax(-1), config.dropout(), training);
        NDArray y = attention.matMul(v) // (B, H, T, D)
                .transpose(0, 2, 1, 3)
                .reshape(b, t, c); // (B, T, C)
        NDArray projected = y.matMul(projectionWeight.getArray()).add(projectionBias.getArray());
        return dropout(projected, config.dropout(), training);
    }

    private NDArray heads(NDArray x, long b, long t) {
        return x.reshape(b, t, config.nHead(), config.headSize()).transpose(0, 2, 1, 3);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.head();
        long t = x.getShape().get(1);
        return new NDList(forward(x, AttentionMasks.causal(x.getManager(), t, 0), null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}

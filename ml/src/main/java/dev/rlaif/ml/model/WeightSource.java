package dev.rlaif.ml.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.rlaif.ml.Rng;
import java.util.Arrays;
import java.util.Map;

/** Where a new model's parameter values come from: a seeded initialisation or a loaded file. */
@FunctionalInterface
public interface WeightSource {

    /** The values for the parameter with this Hugging Face name, created in {@code manager}. */
    NDArray weight(String hfName, Shape shape, NDManager manager);

    /**
     * GPT-2's initialisation: N(0, 0.02) weights, residual projections scaled by 1/sqrt(2·n_layer)
     * (GPT-2 paper, section 2.3), zero biases, unit LayerNorm gains.
     */
    static WeightSource gpt2Init(GptConfig config, Rng rng) {
        double residualStd = 0.02 / Math.sqrt(2.0 * config.nLayer());
        return (name, shape, manager) -> {
            float[] values = new float[Math.toIntExact(shape.size())];
            boolean layerNorm = name.contains(".ln_") || name.startsWith("transformer.ln_f");
            if (name.endsWith(".bias")) {
                return manager.zeros(shape);
            } else if (layerNorm) {
                Arrays.fill(values, 1f);
            } else {
                double std = name.endsWith("c_proj.weight") ? residualStd : 0.02;
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (rng.nextGaussian() * std);
                }
            }
            return manager.create(values, shape);
        };
    }

    /** Values read from a checkpoint; a missing or misshapen tensor is an error. */
    static WeightSource of(Map<String, Safetensors.Tensor> tensors) {
        return of(tensors, (name, shape, manager) -> {
            throw new IllegalArgumentException("checkpoint has no tensor " + name);
        });
    }

    /** Values read from a checkpoint; tensors it lacks (e.g. a new scalar head) come from {@code missing}. */
    static WeightSource of(Map<String, Safetensors.Tensor> tensors, WeightSource missing) {
        return (name, shape, manager) -> {
            var tensor = tensors.get(name);
            if (tensor == null) {
                return missing.weight(name, shape, manager);
            }
            if (!Arrays.equals(tensor.shape(), shape.getShape())) {
                throw new IllegalArgumentException("tensor " + name + " has shape "
                        + Arrays.toString(tensor.shape()) + ", the model expects " + shape);
            }
            return manager.create(tensor.data(), shape);
        };
    }
}

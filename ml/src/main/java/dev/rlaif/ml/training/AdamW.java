package dev.rlaif.ml.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.rlaif.ml.model.Safetensors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019), updating parameters in place.
 * Its moments are plain arrays so a checkpoint can save and restore them exactly.
 */
public final class AdamW implements AutoCloseable {

    private final List<String> names;
    private final List<NDArray> parameters;
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private final NDManager state;
    private final OptimizerConfig config;
    private int updates;

    public AdamW(Map<String, NDArray> namedParameters, NDManager parent, OptimizerConfig config) {
        this.names = new ArrayList<>(namedParameters.keySet());
        this.parameters = new ArrayList<>(namedParameters.values());
        this.state = parent.newSubManager();
        this.config = config;
        for (NDArray p : parameters) {
            firstMoments.add(state.zeros(p.getShape()));
            secondMoments.add(state.zeros(p.getShape()));
        }
    }

    public int updates() {
        return updates;
    }

    /** Global L2 norm of the gradients; scales them down to {@code maxGradNorm} when above it. */
    public float clipGradients(NDManager step) {
        NDArray squared = null;
        List<NDArray> gradients = gradients(step);
        for (NDArray g : gradients) {
            NDArray s = g.square().sum();
            squared = squared == null ? s : squared.add(s);
        }
        float norm = (float) Math.sqrt(squared.getFloat());
        if (config.maxGradNorm() > 0 && norm > config.maxGradNorm()) {
            float scale = config.maxGradNorm() / (norm + 1e-6f);
            gradients.forEach(g -> g.muli(scale));
        }
        return norm;
    }

    /** One update with learning rate {@code lr}, then the gradients are zeroed. */
    public void step(NDManager step, float lr) {
        updates++;
        double firstCorrection = 1 - Math.pow(config.beta1(), updates);
        double secondCorrection = 1 - Math.pow(config.beta2(), updates);
        double stepSize = lr * Math.sqrt(secondCorrection) / firstCorrection;
        float epsilon = (float) (config.epsilon() * Math.sqrt(secondCorrection));
        List<NDArray> gradients = gradients(step);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray p = parameters.get(i);
            NDArray g = gradients.get(i);
            NDArray m = firstMoments.get(i);
            NDArray v = secondMoments.get(i);
            m.muli(config.beta1()).addi(g.mul(1 - config.beta1())); // m = β1·m + (1-β1)·g
            v.muli(config.beta2()).addi(g.square().mul(1 - config.beta2())); // v = β2·v + (1-β2)·g²
            if (config.weightDecay() > 0 && p.getShape().dimension() >= 2) {
                p.muli(1 - lr * config.weightDecay()); // decoupled decay, matrices only
            }
            NDArray denominator = inStep(v.sqrt(), step).addi(epsilon);
            p.subi(inStep(m.div(denominator), step).muli(stepSize)); // p -= α·m̂ / (√v̂ + ε)
            g.subi(g);
        }
    }

    /** Zeroes gradients without updating (e.g. after a skipped step). */
    public void zeroGradients(NDManager step) {
        gradients(step).forEach(g -> g.subi(g));
    }

    private List<NDArray> gradients(NDManager step) {
        List<NDArray> gradients = new ArrayList<>(parameters.size());
        for (NDArray p : parameters) {
            gradients.add(inStep(p.getGradient(), step));
        }
        return gradients;
    }

    private static NDArray inStep(NDArray array, NDManager step) {
        array.attach(step);
        return array;
    }

    /** Moments keyed {@code exp_avg.NAME} / {@code exp_avg_sq.NAME}, as PyTorch's AdamW calls them. */
    public Map<String, Safetensors.Tensor> stateDict() {
        Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            long[] shape = parameters.get(i).getShape().getShape();
            tensors.put("exp_avg." + names.get(i), new Safetensors.Tensor(shape, firstMoments.get(i).toFloatArray()));
            tensors.put("exp_avg_sq." + names.get(i), new Safetensors.Tensor(shape, secondMoments.get(i).toFloatArray()));
        }
        return tensors;
    }

    public void loadStateDict(Map<String, Safetensors.Tensor> tensors, int restoredUpdates) {
        for (int i = 0; i < names.size(); i++) {
            firstMoments.get(i).set(require(tensors, "exp_avg." + names.get(i)).data());
            secondMoments.get(i).set(require(tensors, "exp_avg_sq." + names.get(i)).data());
        }
        this.updates = restoredUpdates;
    }

    private static Safetensors.Tensor require(Map<String, Safetensors.Tensor> tensors, String name) {
        var tensor = tensors.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("optimizer state has no tensor " + name);
        }
        return tensor;
    }

    @Override
    public void close() {
        state.close();
    }
}

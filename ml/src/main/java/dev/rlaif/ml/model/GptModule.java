package dev.rlaif.ml.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import java.util.Map;

/**
 * Shared plumbing for the GPT blocks: parameters are registered both as DJL parameters and under
 * their Hugging Face name, and created from a {@link WeightSource}.
 */
abstract class GptModule extends AbstractBlock {

    /** A parameter of this module, created from the source and listed under its HF name. */
    protected final Parameter parameter(String localName, String hfName, Shape shape,
            WeightSource source, NDManager manager, Map<String, Parameter> byHfName) {
        Parameter parameter = addParameter(Parameter.builder()
                .setName(localName)
                .setType(localName.endsWith("bias") ? Parameter.Type.BIAS : Parameter.Type.WEIGHT)
                .build());
        NDArray values = source.weight(hfName, shape, manager);
        values.setRequiresGradient(true);
        parameter.setArray(values);
        byHfName.put(hfName, parameter);
        return parameter;
    }

    /** Arrays derived from parameters belong to the parameters' manager until moved to the step. */
    protected static NDArray inStep(NDArray derived, NDManager step) {
        derived.attach(step);
        return derived;
    }

    protected static NDArray layerNorm(NDArray x, Parameter gain, Parameter bias, float epsilon) {
        Shape normalized = new Shape(x.getShape().get(x.getShape().dimension() - 1));
        return x.getNDArrayInternal()
                .layerNorm(x, normalized, gain.getArray(), bias.getArray(), epsilon)
                .get(0);
    }

    protected static NDArray dropout(NDArray x, float rate, boolean training) {
        if (!training || rate <= 0f) {
            return x;
        }
        return x.getNDArrayInternal().dropout(x, rate, true).get(0);
    }
}

package dev.rlaif.ml.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;

/** A training objective: the loss of micro-batch number {@code microBatch}, built in {@code step}. */
@FunctionalInterface
public interface Objective {

    /** The scalar loss and any scalar metrics, all arrays of the step's manager. */
    record Loss(NDArray value, Map<String, NDArray> metrics) {
        public Loss(NDArray value) {
            this(value, Map.of());
        }
    }

    Loss loss(NDManager step, long microBatch);
}

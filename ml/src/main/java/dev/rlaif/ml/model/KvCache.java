package dev.rlaif.ml.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Keys and values of every layer for the tokens seen so far, (B, H, S, D) each, so a decoding step
 * only computes the newest token. Lives in the manager of one sampling batch; superseded arrays are
 * closed as soon as the longer ones exist.
 */
public final class KvCache {

    private final NDManager home;
    private final NDArray[] keys;
    private final NDArray[] values;

    public KvCache(int nLayer, NDManager home) {
        this.home = home;
        this.keys = new NDArray[nLayer];
        this.values = new NDArray[nLayer];
    }

    /** Tokens cached so far (S). */
    public long length() {
        return keys[0] == null ? 0 : keys[0].getShape().get(2);
    }

    /** Appends this step's (B, H, T, D) keys and values; returns the full (B, H, S+T, D) pair. */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        NDArray allKeys = keys[layer] == null ? k : NDArrays.concat(new NDList(keys[layer], k), 2);
        NDArray allValues = values[layer] == null ? v : NDArrays.concat(new NDList(values[layer], v), 2);
        if (keys[layer] != null) {
            keys[layer].close();
            values[layer].close();
        }
        allKeys.attach(home);
        allValues.attach(home);
        keys[layer] = allKeys;
        values[layer] = allValues;
        return new NDArray[] {allKeys, allValues};
    }
}

package dev.rlaif.ml.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Additive attention masks: 0 where a query may look, a large negative number where it may not. */
public final class AttentionMasks {

    static final float BLOCKED = -1e9f;

    private AttentionMasks() {}

    /**
     * (1, 1, T, offset + T): query i (at absolute position offset + i) sees keys 0..offset + i.
     * Right padding needs nothing more: real tokens never look ahead at the pads.
     */
    public static NDArray causal(NDManager manager, long t, long offset) {
        int queries = Math.toIntExact(t);
        int keys = Math.toIntExact(offset + t);
        float[] mask = new float[queries * keys];
        for (int i = 0; i < queries; i++) {
            for (int j = 0; j < keys; j++) {
                mask[i * keys + j] = j <= offset + i ? 0f : BLOCKED;
            }
        }
        return manager.create(mask, new Shape(1, 1, queries, keys));
    }

    /**
     * (B, 1, T, S): causal and padding together, for left-padded batches. {@code keyIsToken[b][j]}
     * says whether key position j of row b holds a real token; the T queries are the last T of S.
     * Returns null when nothing needs masking (one new token per row, no padding).
     */
    public static NDArray causalWithPadding(NDManager manager, boolean[][] keyIsToken, int t) {
        int batch = keyIsToken.length;
        int keys = keyIsToken[0].length;
        int offset = keys - t;
        if (t == 1 && allTrue(keyIsToken)) {
            return null; // one query per row that may see everything: no mask, one op less per layer
        }
        float[] mask = new float[batch * t * keys];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < keys; j++) {
                    boolean visible = j <= offset + i && keyIsToken[b][j];
                    mask[(b * t + i) * keys + j] = visible ? 0f : BLOCKED;
                }
            }
        }
        return manager.create(mask, new Shape(batch, 1, t, keys));
    }

    private static boolean allTrue(boolean[][] rows) {
        for (boolean[] row : rows) {
            for (boolean value : row) {
                if (!value) {
                    return false;
                }
            }
        }
        return true;
    }
}

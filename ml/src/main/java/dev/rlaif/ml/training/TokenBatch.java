package dev.rlaif.ml.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Rows of prompt + response, right-padded to one length T. Training predicts token j+1 from
 * tokens 0..j, so inputs are columns 0..T-2, targets columns 1..T-1, and the loss mask is 1 where
 * the target is a response token (prompt and padding are masked out).
 *
 * @param ids (B, T) row-major
 * @param responseMask (B, T-1): 1 where target j+1 belongs to the response
 * @param lastToken index of each row's last real token (where a reward model reads its score)
 */
public record TokenBatch(int batch, int length, long[] ids, float[] responseMask, int[] lastToken) {

    public static TokenBatch of(List<long[]> prompts, List<long[]> responses, int padId) {
        int batch = prompts.size();
        int length = 0;
        for (int b = 0; b < batch; b++) {
            length = Math.max(length, prompts.get(b).length + responses.get(b).length);
        }
        length = Math.max(length, 2);
        long[] ids = new long[batch * length];
        float[] mask = new float[batch * (length - 1)];
        int[] last = new int[batch];
        java.util.Arrays.fill(ids, padId);
        for (int b = 0; b < batch; b++) {
            long[] prompt = prompts.get(b);
            long[] response = responses.get(b);
            System.arraycopy(prompt, 0, ids, b * length, prompt.length);
            System.arraycopy(response, 0, ids, b * length + prompt.length, response.length);
            for (int j = 0; j < response.length; j++) {
                mask[b * (length - 1) + prompt.length - 1 + j] = 1f;
            }
            last[b] = prompt.length + response.length - 1;
        }
        return new TokenBatch(batch, length, ids, mask, last);
    }

    /** (B, T) all tokens. */
    public NDArray tokens(NDManager manager) {
        return manager.create(ids, new Shape(batch, length));
    }

    /** (B, T-1) inputs. */
    public NDArray inputs(NDManager manager) {
        return manager.create(slice(0), new Shape(batch, length - 1));
    }

    /** (B, T-1) next-token targets. */
    public NDArray targets(NDManager manager) {
        return manager.create(slice(1), new Shape(batch, length - 1));
    }

    /** (B, T-1) loss mask over targets. */
    public NDArray mask(NDManager manager) {
        return manager.create(responseMask, new Shape(batch, length - 1));
    }

    public int responseLength(int row) {
        int n = 0;
        for (int j = 0; j < length - 1; j++) {
            n += responseMask[row * (length - 1) + j] > 0 ? 1 : 0;
        }
        return n;
    }

    private long[] slice(int from) {
        long[] out = new long[batch * (length - 1)];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(ids, b * length + from, out, b * (length - 1), length - 1);
        }
        return out;
    }
}

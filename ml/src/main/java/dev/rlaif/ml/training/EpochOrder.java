package dev.rlaif.ml.training;

import dev.rlaif.ml.Rng;

/**
 * Which examples form micro-batch k: epochs of a seeded shuffle, derived from k alone, so a
 * resumed run sees exactly the batches the uninterrupted one would have.
 */
public final class EpochOrder {

    private final int size;
    private final int batchSize;
    private final long seed;
    private long cachedEpoch = -1;
    private int[] permutation;

    public EpochOrder(int size, int batchSize, long seed) {
        if (size < 1 || batchSize < 1) {
            throw new IllegalArgumentException("need examples and a positive batch size");
        }
        this.size = size;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** Example indices of micro-batch {@code k} (0-based), wrapping into the next epoch's shuffle. */
    public int[] batch(long k) {
        int[] out = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            long position = k * batchSize + i;
            long epoch = position / size;
            out[i] = permutation(epoch)[(int) (position % size)];
        }
        return out;
    }

    public double epochOf(long k) {
        return (double) k * batchSize / size;
    }

    private int[] permutation(long epoch) {
        if (epoch != cachedEpoch) {
            permutation = new int[size];
            for (int i = 0; i < size; i++) {
                permutation[i] = i;
            }
            new Rng(seed * 1_000_003L + epoch).shuffle(permutation);
            cachedEpoch = epoch;
        }
        return permutation;
    }
}

package dev.rlaif.testbed;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Derives reproducible random streams from a seed and content, so equal inputs give equal draws. */
public final class Seeds {

    private Seeds() {
    }

    /** A 64-bit key from a seed and some strings (FNV-1a over UTF-8, then a murmur finaliser). */
    public static long key(long seed, String... parts) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (String part : parts) {
            for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
            h ^= 0x1f;
            h *= 0x100000001b3L;
        }
        return finish(h);
    }

    /** Mixes a seed with a number (a row index, a request index). */
    public static long key(long seed, long index) {
        return finish(seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L);
    }

    public static SplittableRandom random(long key) {
        return new SplittableRandom(key);
    }

    /** A uniform draw in [0, 1) fixed by the key. */
    public static double uniform(long key) {
        return new SplittableRandom(key).nextDouble();
    }

    /** A standard normal draw fixed by the key. */
    public static double gaussian(long key) {
        return new SplittableRandom(key).nextGaussian();
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}

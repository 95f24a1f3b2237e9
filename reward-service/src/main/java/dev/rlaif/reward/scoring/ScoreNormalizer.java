package dev.rlaif.reward.scoring;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-run score normalisation with a running mean and standard deviation (Welford's algorithm): each batch
 * first updates the run's statistics, then is standardised with them, so rewards keep a stable scale while
 * the policy drifts. The statistics live in this process; a restart starts them afresh.
 */
public final class ScoreNormalizer {

    private static final double MIN_STD = 1e-6;

    private static final class Running {
        long count;
        double mean;
        double m2;
    }

    private final Map<UUID, Running> runs = new ConcurrentHashMap<>();

    public double[] normalize(UUID runId, double[] raw) {
        Running stats = runs.computeIfAbsent(runId, id -> new Running());
        synchronized (stats) {
            for (double x : raw) {
                stats.count++;
                double delta = x - stats.mean;
                stats.mean += delta / stats.count;
                stats.m2 += delta * (x - stats.mean);
            }
            double std = stats.count > 1 ? Math.sqrt(stats.m2 / (stats.count - 1)) : 1.0;
            double scale = Math.max(std, MIN_STD);
            double[] out = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = (raw[i] - stats.mean) / scale;
            }
            return out;
        }
    }
}

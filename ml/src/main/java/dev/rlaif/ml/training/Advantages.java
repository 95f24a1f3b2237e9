package dev.rlaif.ml.training;

/**
 * Returns and advantages on the host, per response token (rows of length R_i). The per-token
 * reward is r_t = −β·(log π_old − log π_ref)_t, plus the scalar reward on the last token.
 */
public final class Advantages {

    private Advantages() {}

    /** r_t = −β·kl_t, with the sequence reward added at the final token (an empty response earns nothing). */
    public static float[][] tokenRewards(float[] reward, float[][] kl, float beta) {
        float[][] r = new float[kl.length][];
        for (int i = 0; i < kl.length; i++) {
            r[i] = new float[kl[i].length];
            for (int t = 0; t < kl[i].length; t++) {
                r[i][t] = -beta * kl[i][t];
            }
            if (kl[i].length > 0) {
                r[i][kl[i].length - 1] += reward[i];
            }
        }
        return r;
    }

    /** G_t = Σ_{t' ≥ t} γ^{t'−t}·r_t' (reward-to-go). */
    public static float[][] returnsToGo(float[][] rewards, float gamma) {
        float[][] g = new float[rewards.length][];
        for (int i = 0; i < rewards.length; i++) {
            g[i] = new float[rewards[i].length];
            float running = 0;
            for (int t = rewards[i].length - 1; t >= 0; t--) {
                running = rewards[i][t] + gamma * running;
                g[i][t] = running;
            }
        }
        return g;
    }

    /** Generalised advantage estimation: δ_t = r_t + γ·V_{t+1} − V_t, A_t = Σ (γλ)^k·δ_{t+k}, V after the end = 0. */
    public static float[][] gae(float[][] rewards, float[][] values, float gamma, float lambda) {
        float[][] a = new float[rewards.length][];
        for (int i = 0; i < rewards.length; i++) {
            int n = rewards[i].length;
            a[i] = new float[n];
            float running = 0;
            for (int t = n - 1; t >= 0; t--) {
                float nextValue = t + 1 < n ? values[i][t + 1] : 0f;
                float delta = rewards[i][t] + gamma * nextValue - values[i][t];
                running = delta + gamma * lambda * running;
                a[i][t] = running;
            }
        }
        return a;
    }

    /** The RLOO baseline: for sample j of a prompt, the mean return of the other k − 1 samples. */
    public static float[] leaveOneOutBaseline(float[] returns, int samplesPerPrompt) {
        float[] baseline = new float[returns.length];
        for (int start = 0; start < returns.length; start += samplesPerPrompt) {
            float sum = 0;
            for (int j = 0; j < samplesPerPrompt; j++) {
                sum += returns[start + j];
            }
            for (int j = 0; j < samplesPerPrompt; j++) {
                baseline[start + j] = (sum - returns[start + j]) / (samplesPerPrompt - 1);
            }
        }
        return baseline;
    }

    /** Whitening over all tokens of the batch: (A − mean) / (std + 1e-8). */
    public static float[][] whiten(float[][] advantages) {
        double sum = 0;
        double squares = 0;
        long n = 0;
        for (float[] row : advantages) {
            for (float v : row) {
                sum += v;
                squares += (double) v * v;
                n++;
            }
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, squares / n - mean * mean));
        float[][] out = new float[advantages.length][];
        for (int i = 0; i < advantages.length; i++) {
            out[i] = new float[advantages[i].length];
            for (int t = 0; t < advantages[i].length; t++) {
                out[i][t] = (float) ((advantages[i][t] - mean) / (std + 1e-8));
            }
        }
        return out;
    }
}

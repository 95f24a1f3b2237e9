package dev.rlaif.ml.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.rlaif.ml.Engines;
import dev.rlaif.ml.Rng;
import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.sampling.Sampler;
import dev.rlaif.ml.sampling.Samples;
import dev.rlaif.ml.tokenizer.TextTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * RL from a reward signal with a per-token KL penalty to a frozen reference policy. One iteration:
 * sample a batch of rollouts, score them, compute log π_old, log π_ref (and values), turn the
 * KL-penalised rewards into advantages, then update the policy: one step for REINFORCE, RLOO and
 * A2C, {@code ppoEpochs} clipped steps for PPO. Dropout is off in the update so π_old matches.
 */
public final class RlTrainer {

    private final TrainingLoop loop;
    private final Gpt policy;
    private final Gpt reference;
    private final RewardFunction rewardFunction;
    private final List<long[]> prompts;
    private final RlConfig config;
    private final EpochOrder order;
    private final long seed;
    private int iteration;
    private double baseline = Double.NaN;

    public RlTrainer(TrainingLoop loop, Gpt reference, RewardFunction rewardFunction, List<long[]> prompts,
            RlConfig config, long seed) {
        if (config.algorithm().needsValueHead() && !loop.model().hasScalarHead()) {
            throw new IllegalArgumentException(config.algorithm() + " needs a policy with a scalar (value) head");
        }
        this.loop = loop;
        this.policy = loop.model();
        this.reference = reference;
        this.rewardFunction = rewardFunction;
        this.prompts = List.copyOf(prompts);
        this.config = config;
        this.order = new EpochOrder(prompts.size(), config.promptsPerIteration(), seed);
        this.seed = seed;
    }

    public int iteration() {
        return iteration;
    }

    public List<StepMetrics> run(int iterations, ProgressListener listener, BooleanSupplier stop) {
        List<StepMetrics> history = new ArrayList<>();
        for (int i = 0; i < iterations && !stop.getAsBoolean(); i++) {
            StepMetrics metrics = iterate();
            history.add(metrics);
            listener.onStep(metrics);
        }
        return history;
    }

    /** One rollout and its update(s); the metrics are numbered by iteration. */
    public StepMetrics iterate() {
        Rng rng = new Rng(seed * 1_000_003L + iteration);
        List<long[]> rolloutPrompts = new ArrayList<>();
        for (int index : order.batch(iteration)) {
            for (int j = 0; j < config.samplesPerPrompt(); j++) {
                rolloutPrompts.add(prompts.get(index));
            }
        }
        float temperature = config.sampling().isGreedy() ? 1f : config.sampling().temperature();
        Samples samples = Sampler.sample(policy, rolloutPrompts, config.sampling(), rng);
        List<long[]> responses = List.of(samples.tokens());
        float[] reward = rewardFunction.score(rolloutPrompts, responses);
        TokenBatch batch = TokenBatch.of(rolloutPrompts, responses, policy.config().padTokenId());
        int width = batch.length() - 1;
        int rows = batch.batch();

        float[] oldDense;
        float[] referenceDense;
        float[] valueDense = null;
        Engines.withoutGradients();
        try (NDManager scope = policy.manager().newSubManager()) {
            TokenLogProbs current = TokenLogProbs.of(policy, batch, scope, temperature, false, false);
            oldDense = current.logProbs().toFloatArray();
            if (current.values() != null) {
                valueDense = current.values().toFloatArray();
            }
            referenceDense = TokenLogProbs.of(reference, batch, scope, temperature, false, false).logProbs().toFloatArray();
        }
        float[][] kl = new float[rows][];
        float[][] values = new float[rows][];
        int[] start = new int[rows];
        for (int b = 0; b < rows; b++) {
            start[b] = rolloutPrompts.get(b).length - 1;
            int n = responses.get(b).length;
            kl[b] = new float[n];
            values[b] = new float[n];
            for (int t = 0; t < n; t++) {
                int column = b * width + start[b] + t;
                kl[b][t] = oldDense[column] - referenceDense[column]; // log π_old − log π_ref, an unbiased KL sample
                values[b][t] = valueDense == null ? 0f : valueDense[column];
            }
        }
        float[][] tokenRewards = Advantages.tokenRewards(reward, kl, config.klCoef());
        float[] sequenceReturn = new float[rows];
        for (int b = 0; b < rows; b++) {
            for (float r : tokenRewards[b]) {
                sequenceReturn[b] += r;
            }
        }
        float[][] advantages = new float[rows][];
        float[][] returns = Advantages.returnsToGo(tokenRewards, config.gamma());
        switch (config.algorithm()) {
            case REINFORCE -> {
                double batchMean = mean(sequenceReturn);
                double b0 = Double.isNaN(baseline) ? batchMean : baseline;
                for (int b = 0; b < rows; b++) {
                    advantages[b] = filled(responses.get(b).length, (float) (sequenceReturn[b] - b0));
                }
                baseline = config.baselineDecay() * b0 + (1 - config.baselineDecay()) * batchMean;
            }
            case RLOO -> {
                float[] leaveOneOut = Advantages.leaveOneOutBaseline(sequenceReturn, config.samplesPerPrompt());
                for (int b = 0; b < rows; b++) {
                    advantages[b] = filled(responses.get(b).length, sequenceReturn[b] - leaveOneOut[b]);
                }
            }
            case A2C -> {
                for (int b = 0; b < rows; b++) {
                    advantages[b] = new float[returns[b].length];
                    for (int t = 0; t < returns[b].length; t++) {
                        advantages[b][t] = returns[b][t] - values[b][t]; // A_t = G_t − V(s_t)
                    }
                }
            }
            case PPO -> {
                float[][] gae = Advantages.gae(tokenRewards, values, config.gamma(), config.lambda());
                for (int b = 0; b < rows; b++) {
                    for (int t = 0; t < gae[b].length; t++) {
                        returns[b][t] = gae[b][t] + values[b][t]; // critic target
                    }
                }
                advantages = Advantages.whiten(gae);
            }
        }
        float[] advantageDense = dense(advantages, start, rows, width);
        float[] returnDense = dense(returns, start, rows, width);
        float[] oldLogProbs = oldDense;

        Objective update = (step, microBatch) -> {
            TokenLogProbs forward = TokenLogProbs.of(policy, batch, step, temperature, false, true);
            Shape shape = new Shape(rows, width);
            NDArray advantage = step.create(advantageDense, shape);
            Map<String, NDArray> metrics = new LinkedHashMap<>();
            NDArray loss;
            if (config.algorithm() == RlAlgorithm.PPO) {
                NDArray old = step.create(oldLogProbs, shape);
                loss = PolicyGradientLoss.clipped(forward, old, advantage, config.clipRange());
                metrics.put("clip_fraction", PolicyGradientLoss.clipFraction(forward, old, config.clipRange()));
            } else {
                loss = PolicyGradientLoss.vanilla(forward, advantage);
            }
            if (config.algorithm().needsValueHead()) {
                NDArray valueLoss = PolicyGradientLoss.valueError(forward, step.create(returnDense, shape));
                metrics.put("value_loss", valueLoss);
                loss = loss.add(valueLoss.mul(config.valueCoef()));
            }
            NDArray entropy = forward.maskedMean(forward.entropy());
            if (config.entropyCoef() > 0) {
                loss = loss.sub(entropy.mul(config.entropyCoef()));
            }
            metrics.put("entropy", entropy);
            return new Objective.Loss(loss, metrics);
        };
        int updates = config.algorithm() == RlAlgorithm.PPO ? config.ppoEpochs() : 1;
        StepMetrics last = null;
        float clipFraction = 0;
        for (int u = 0; u < updates; u++) {
            last = loop.step(update);
            clipFraction += last.metrics().getOrDefault("clip_fraction", 0f) / updates;
        }
        iteration++;

        Map<String, Float> metrics = new LinkedHashMap<>(last.metrics());
        double klSum = 0;
        double length = 0;
        for (int b = 0; b < rows; b++) {
            for (float k : kl[b]) {
                klSum += k;
            }
            length += responses.get(b).length;
        }
        metrics.put("reward", (float) mean(reward));
        metrics.put("kl", (float) (klSum / rows));
        metrics.put("response_length", (float) (length / rows));
        metrics.put("return", (float) mean(sequenceReturn));
        metrics.put("clip_fraction", clipFraction);
        return new StepMetrics(iteration, last.loss(), metrics);
    }

    /** Saves the policy, optimiser and this trainer's position (iteration, baseline). */
    public void save(Path directory, TextTokenizer tokenizer) throws IOException {
        Map<String, Double> position = new LinkedHashMap<>();
        position.put("rl_iteration", (double) iteration);
        if (!Double.isNaN(baseline)) {
            position.put("rl_baseline", baseline);
        }
        loop.save(directory, tokenizer, position);
    }

    /** Continues from a checkpoint written by {@link #save}: {@code resumed.loop()} must be this trainer's loop. */
    public void restore(Map<String, Double> extra) {
        this.iteration = extra.getOrDefault("rl_iteration", 0.0).intValue();
        this.baseline = extra.getOrDefault("rl_baseline", Double.NaN);
    }

    private static float[] filled(int n, float value) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, value);
        return out;
    }

    private static float[] dense(float[][] rows, int[] start, int batch, int width) {
        float[] out = new float[batch * width];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(rows[b], 0, out, b * width + start[b], rows[b].length);
        }
        return out;
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}

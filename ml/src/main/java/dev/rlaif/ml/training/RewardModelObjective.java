package dev.rlaif.ml.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.rlaif.ml.Engines;
import dev.rlaif.ml.model.Gpt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Trains the scalar head (and backbone) as a reward model on soft or hard preferences. */
public final class RewardModelObjective implements Objective {

    private static final int SCORING_BATCH = 64;

    private final Gpt model;
    private final List<PreferencePair> pairs;
    private final EpochOrder order;

    public RewardModelObjective(Gpt model, List<PreferencePair> pairs, int batchSize, long seed) {
        if (!model.hasScalarHead()) {
            throw new IllegalArgumentException("a reward model needs the scalar head");
        }
        this.model = model;
        this.pairs = List.copyOf(pairs);
        this.order = new EpochOrder(pairs.size(), batchSize, seed);
    }

    @Override
    public Loss loss(NDManager step, long microBatch) {
        int[] chosen = order.batch(microBatch);
        int n = chosen.length;
        List<long[]> prompts = new ArrayList<>();
        List<long[]> responses = new ArrayList<>();
        float[] preference = new float[n];
        for (int i = 0; i < n; i++) {
            PreferencePair pair = pairs.get(chosen[i]);
            prompts.add(pair.prompt());
            responses.add(pair.response1());
            preference[i] = pair.preference1();
        }
        for (int i : chosen) {
            prompts.add(pairs.get(i).prompt());
            responses.add(pairs.get(i).response2());
        }
        NDArray rewards = rewards(model, TokenBatch.of(prompts, responses, model.config().padTokenId()), step, true);
        NDArray rewards1 = rewards.get(new NDIndex("0:" + n));
        NDArray rewards2 = rewards.get(new NDIndex(n + ":"));
        NDArray mu = step.create(preference);
        NDArray loss = RewardModelLoss.of(rewards1, rewards2, mu);
        NDArray agree = rewards1.sub(rewards2).mul(mu.sub(0.5f)).gt(0).toType(DataType.FLOAT32, false).mean();
        return new Loss(loss, Map.of("accuracy", agree, "reward_margin", rewards1.sub(rewards2).abs().mean()));
    }

    /** (B) the scalar head's output at each row's last real token. */
    public static NDArray rewards(Gpt model, TokenBatch batch, NDManager step, boolean training) {
        NDArray scores = model.scores(model.hidden(batch.tokens(step), training)); // (B, T)
        long[] last = new long[batch.batch()];
        for (int b = 0; b < last.length; b++) {
            last[b] = batch.lastToken()[b];
        }
        NDArray index = step.create(last, new Shape(batch.batch(), 1));
        return scores.gather(index, 1).squeeze(1);
    }

    /** Scores prompt/response pairs with a trained reward model (no gradients), 64 rows at a time. */
    public static float[] score(Gpt model, List<long[]> prompts, List<long[]> responses) {
        Engines.withoutGradients();
        float[] scores = new float[prompts.size()];
        for (int from = 0; from < scores.length; from += SCORING_BATCH) {
            int to = Math.min(scores.length, from + SCORING_BATCH);
            try (NDManager step = model.manager().newSubManager()) {
                TokenBatch batch = TokenBatch.of(prompts.subList(from, to), responses.subList(from, to),
                        model.config().padTokenId());
                float[] chunk = rewards(model, batch, step, false).toFloatArray();
                System.arraycopy(chunk, 0, scores, from, chunk.length);
            }
        }
        return scores;
    }
}

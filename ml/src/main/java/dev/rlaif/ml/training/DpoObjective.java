package dev.rlaif.ml.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.rlaif.ml.model.Gpt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** DPO against a frozen reference policy, with soft preference labels. */
public final class DpoObjective implements Objective {

    private final Gpt policy;
    private final Gpt reference;
    private final List<PreferencePair> pairs;
    private final EpochOrder order;
    private final float beta;

    public DpoObjective(Gpt policy, Gpt reference, List<PreferencePair> pairs, int batchSize, float beta, long seed) {
        this.policy = policy;
        this.reference = reference;
        this.pairs = List.copyOf(pairs);
        this.order = new EpochOrder(pairs.size(), batchSize, seed);
        this.beta = beta;
    }

    @Override
    public Loss loss(NDManager step, long microBatch) {
        int[] chosen = order.batch(microBatch);
        int n = chosen.length;
        List<long[]> prompts = new ArrayList<>();
        List<long[]> responses = new ArrayList<>();
        float[] preference = new float[n];
        for (int i = 0; i < n; i++) {
            prompts.add(pairs.get(chosen[i]).prompt());
            responses.add(pairs.get(chosen[i]).response1());
            preference[i] = pairs.get(chosen[i]).preference1();
        }
        for (int i : chosen) {
            prompts.add(pairs.get(i).prompt());
            responses.add(pairs.get(i).response2());
        }
        TokenBatch batch = TokenBatch.of(prompts, responses, policy.config().padTokenId());
        NDArray policyLogProbs = TokenLogProbs.of(policy, batch, step, 1f, true, false).sequenceLogProbs(); // (2N)
        NDArray referenceLogProbs = TokenLogProbs.of(reference, batch, step, 1f, false, false).sequenceLogProbs().stopGradient();
        NDIndex first = new NDIndex("0:" + n);
        NDIndex second = new NDIndex(n + ":");
        NDArray mu = step.create(preference);
        NDArray loss = DpoLoss.of(policyLogProbs.get(first), policyLogProbs.get(second),
                referenceLogProbs.get(first), referenceLogProbs.get(second), mu, beta);
        NDArray margin = policyLogProbs.sub(referenceLogProbs).mul(beta);
        NDArray rewardMargin = margin.get(first).sub(margin.get(second));
        NDArray accuracy = rewardMargin.mul(mu.sub(0.5f)).gt(0).toType(DataType.FLOAT32, false).mean();
        return new Loss(loss, Map.of("reward_margin", rewardMargin.mean(), "accuracy", accuracy));
    }
}

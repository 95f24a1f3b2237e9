package dev.rlaif.ml.training;

import ai.djl.ndarray.NDManager;
import dev.rlaif.ml.model.Gpt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Supervised fine-tuning on prompt/response pairs, loss on response tokens only. */
public final class SftObjective implements Objective {

    private final Gpt model;
    private final List<SftExample> examples;
    private final EpochOrder order;

    public SftObjective(Gpt model, List<SftExample> examples, int batchSize, long seed) {
        this.model = model;
        this.examples = List.copyOf(examples);
        this.order = new EpochOrder(examples.size(), batchSize, seed);
    }

    @Override
    public Loss loss(NDManager step, long microBatch) {
        List<long[]> prompts = new ArrayList<>();
        List<long[]> responses = new ArrayList<>();
        for (int i : order.batch(microBatch)) {
            prompts.add(examples.get(i).prompt());
            responses.add(examples.get(i).response());
        }
        TokenBatch batch = TokenBatch.of(prompts, responses, model.config().padTokenId());
        TokenLogProbs forward = TokenLogProbs.of(model, batch, step, 1f, true, false);
        return new Loss(SftLoss.of(forward), Map.of("epoch", step.create((float) order.epochOf(microBatch))));
    }
}

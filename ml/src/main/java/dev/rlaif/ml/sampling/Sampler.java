package dev.rlaif.ml.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.rlaif.ml.Engines;
import dev.rlaif.ml.Rng;
import dev.rlaif.ml.model.AttentionMasks;
import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.KvCache;
import java.util.ArrayList;
import java.util.List;

/**
 * Batched autoregressive sampling. Prompts are left-padded to a common length; pads are masked
 * out of attention and position ids count real tokens only, so a row's continuation does not
 * depend on the other rows. Each row draws from its own generator forked from {@code rng}.
 */
public final class Sampler {

    private Sampler() {}

    public static Samples sample(Gpt model, List<long[]> prompts, SamplingConfig config, Rng rng) {
        Engines.withoutGradients();
        int batch = prompts.size();
        int promptLength = prompts.stream().mapToInt(p -> p.length).max().orElseThrow();
        if (prompts.stream().anyMatch(p -> p.length == 0)) {
            throw new IllegalArgumentException("every prompt needs at least one token (e.g. BOS)");
        }
        int maxNew = Math.min(config.maxNewTokens(), model.config().blockSize() - promptLength);
        if (maxNew < 0) {
            throw new IllegalArgumentException("prompt of " + promptLength + " tokens exceeds n_positions");
        }
        int vocab = model.config().vocabSize();
        int eos = model.config().eosTokenId();
        int pad = model.config().padTokenId();
        int total = promptLength + maxNew;

        Rng[] rowRng = new Rng[batch];
        long[][] sequence = new long[batch][total];
        boolean[][] isToken = new boolean[batch][total];
        int[] realLength = new int[batch];
        for (int b = 0; b < batch; b++) {
            rowRng[b] = rng.fork();
            long[] prompt = prompts.get(b);
            int start = promptLength - prompt.length;
            java.util.Arrays.fill(sequence[b], pad);
            System.arraycopy(prompt, 0, sequence[b], start, prompt.length);
            for (int j = start; j < promptLength; j++) {
                isToken[b][j] = true;
            }
            realLength[b] = prompt.length;
        }
        List<List<Long>> tokens = new ArrayList<>();
        List<List<Float>> logProbs = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            tokens.add(new ArrayList<>());
            logProbs.add(new ArrayList<>());
        }
        boolean[] done = new boolean[batch];
        boolean[] stoppedAtEos = new boolean[batch];

        try (NDManager batchScope = model.manager().newSubManager()) {
            KvCache cache = config.useKvCache() ? new KvCache(model.config().nLayer(), batchScope) : null;
            int fed = 0; // tokens already in the cache
            for (int t = 0; t < maxNew; t++) {
                int length = promptLength + t;
                try (NDManager step = batchScope.newSubManager()) {
                    int from = cache == null ? 0 : fed;
                    float[] last = lastLogits(model, step, sequence, isToken, realLength, promptLength, from, length, cache);
                    fed = length;
                    int active = 0;
                    for (int b = 0; b < batch; b++) {
                        if (done[b]) {
                            isToken[b][length] = false;
                            continue;
                        }
                        var choice = TokenSampler.choose(last, b * vocab, vocab, config, rowRng[b]);
                        sequence[b][length] = choice.token();
                        isToken[b][length] = true;
                        tokens.get(b).add((long) choice.token());
                        logProbs.get(b).add(choice.logProb());
                        if (choice.token() == eos) {
                            done[b] = true;
                            stoppedAtEos[b] = true;
                        } else {
                            active++;
                        }
                    }
                    if (active == 0) {
                        break;
                    }
                }
            }
        }
        long[][] outTokens = new long[batch][];
        float[][] outLogProbs = new float[batch][];
        for (int b = 0; b < batch; b++) {
            outTokens[b] = tokens.get(b).stream().mapToLong(Long::longValue).toArray();
            List<Float> lp = logProbs.get(b);
            outLogProbs[b] = new float[lp.size()];
            for (int i = 0; i < lp.size(); i++) {
                outLogProbs[b][i] = lp.get(i);
            }
        }
        return new Samples(outTokens, outLogProbs, stoppedAtEos);
    }

    /** Feeds columns [from, length) and returns the (B, V) logits of the last column. */
    private static float[] lastLogits(Gpt model, NDManager step, long[][] sequence, boolean[][] isToken,
            int[] promptReal, int promptLength, int from, int length, KvCache cache) {
        int batch = sequence.length;
        int t = length - from;
        long[] ids = new long[batch * t];
        long[] positions = new long[batch * t];
        boolean[][] keys = new boolean[batch][length];
        for (int b = 0; b < batch; b++) {
            int padding = promptLength - promptReal[b];
            for (int j = 0; j < t; j++) {
                ids[b * t + j] = sequence[b][from + j];
                positions[b * t + j] = Math.max(0, from + j - padding);
            }
            System.arraycopy(isToken[b], 0, keys[b], 0, length);
        }
        NDArray idArray = step.create(ids, new Shape(batch, t));
        NDArray positionArray = step.create(positions, new Shape(batch, t));
        NDArray mask = AttentionMasks.causalWithPadding(step, keys, t);
        NDArray hidden = model.hidden(idArray, positionArray, mask, cache, false); // (B, t, C)
        NDArray lastHidden = hidden.get(new NDIndex(":, -1:, :")); // (B, 1, C)
        return model.logits(lastHidden).toFloatArray();
    }
}

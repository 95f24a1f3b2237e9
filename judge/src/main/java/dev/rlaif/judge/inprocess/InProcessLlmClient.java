package dev.rlaif.judge.inprocess;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.rlaif.judge.client.Completion;
import dev.rlaif.judge.client.CompletionRequest;
import dev.rlaif.judge.client.GeneratedToken;
import dev.rlaif.judge.client.JudgeException;
import dev.rlaif.judge.client.JudgeFailure;
import dev.rlaif.judge.client.LlmClient;
import dev.rlaif.judge.client.TokenUsage;
import dev.rlaif.judge.softlabel.AnswerTokens;
import dev.rlaif.ml.Rng;
import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.HfCheckpoint;
import dev.rlaif.ml.sampling.Sampler;
import dev.rlaif.ml.sampling.SamplingConfig;
import dev.rlaif.ml.sampling.Samples;
import dev.rlaif.ml.tokenizer.TextTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A judge running inside this JVM: a GPT-2-family checkpoint in the Hugging Face layout ({@code
 * config.json}, {@code model.safetensors}, {@code tokenizer.json}) loaded through {@code ml}. The
 * next-token log-probabilities come straight from the model's logits (log-softmax over the whole
 * vocabulary), so soft labels need no server and no network.
 *
 * <p>Calls are served one at a time (the model is CPU- or GPU-bound, not I/O-bound); the prompt is
 * prefixed with the tokenizer's BOS token and must fit the model's context.
 */
public final class InProcessLlmClient implements LlmClient {

    private final HfCheckpoint.Loaded checkpoint;
    private final String model;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong unseededCalls = new AtomicLong();

    private InProcessLlmClient(HfCheckpoint.Loaded checkpoint, String model) {
        if (checkpoint.tokenizer() == null) {
            checkpoint.close();
            throw new IllegalArgumentException("the checkpoint has no tokenizer.json");
        }
        this.checkpoint = checkpoint;
        this.model = model;
    }

    /** Loads a frozen model from a checkpoint directory; the name is what traces record. */
    public static InProcessLlmClient load(Path directory, String modelName) {
        try {
            return new InProcessLlmClient(HfCheckpoint.load(directory, false, false, 0L), modelName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the judge checkpoint " + directory, e);
        }
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Completion complete(CompletionRequest request) {
        long start = System.nanoTime();
        Gpt gpt = checkpoint.model();
        TextTokenizer tokenizer = checkpoint.tokenizer();
        long[] prompt = withBos(tokenizer.encode(request.prompt()), tokenizer.bosId());
        int context = gpt.config().blockSize();
        if (prompt.length >= context) {
            throw new JudgeException(JudgeFailure.CLIENT_ERROR, "prompt of " + prompt.length
                    + " tokens does not fit the model's context of " + context, null);
        }
        long seed = request.seed() != null ? request.seed() : unseededCalls.getAndIncrement();
        lock.lock();
        try {
            double[] logprobs = nextTokenLogprobs(gpt, prompt);
            long[] generated;
            if (request.maxTokens() == 1) {
                generated = new long[] {choose(logprobs, request, new Rng(seed))};
            } else {
                var config = new SamplingConfig((float) request.temperature(),
                        request.topK() == null ? 0 : request.topK(), 1f, request.maxTokens(), true);
                Samples samples = Sampler.sample(gpt, List.of(prompt), config, new Rng(seed));
                generated = samples.tokens()[0];
            }
            List<GeneratedToken> tokens = new ArrayList<>();
            if (request.topLogprobs() > 0 && generated.length > 0) {
                String first = tokenizer.decode(new long[] {generated[0]});
                tokens.add(new GeneratedToken(first, logprobs[(int) generated[0]],
                        top(logprobs, request.topLogprobs(), tokenizer)));
            }
            String text = cutAtStop(tokenizer.decode(generated), request.stop());
            boolean eos = generated.length > 0 && generated[generated.length - 1] == tokenizer.eosId();
            return new Completion(text, tokens, new TokenUsage(prompt.length, generated.length),
                    Duration.ofNanos(System.nanoTime() - start), 1, eos ? "stop" : "length");
        } finally {
            lock.unlock();
        }
    }

    /** log-softmax of the logits at the position after the prompt, over the whole vocabulary. */
    static double[] nextTokenLogprobs(Gpt gpt, long[] prompt) {
        float[] logits;
        try (NDManager step = gpt.manager().newSubManager()) {
            NDArray ids = step.create(prompt, new Shape(1, prompt.length));
            NDArray hidden = gpt.hidden(ids, false); // (1, T, C)
            logits = gpt.logits(hidden.get(new NDIndex(":, -1:, :"))).toFloatArray(); // (V)
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        double logZ = max + Math.log(sum);
        double[] logprobs = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            logprobs[i] = logits[i] - logZ;
        }
        return logprobs;
    }

    private static long choose(double[] logprobs, CompletionRequest request, Rng rng) {
        if (request.temperature() == 0) {
            int best = 0;
            for (int i = 1; i < logprobs.length; i++) {
                if (logprobs[i] > logprobs[best]) {
                    best = i;
                }
            }
            return best;
        }
        double[] weights = new double[logprobs.length];
        double total = 0;
        for (int i = 0; i < logprobs.length; i++) {
            weights[i] = Math.exp(logprobs[i] / request.temperature());
            total += weights[i];
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u <= 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** The k most likely next tokens by their text; tokens decoding to the same text are merged. */
    private static Map<String, Double> top(double[] logprobs, int k, TextTokenizer tokenizer) {
        Integer[] order = new Integer[logprobs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(logprobs[b], logprobs[a]));
        Map<String, Double> top = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(k, order.length); i++) {
            top.merge(tokenizer.decode(new long[] {order[i]}), logprobs[order[i]], AnswerTokens::logSumExp);
        }
        return top;
    }

    private static long[] withBos(long[] ids, int bos) {
        long[] out = new long[ids.length + 1];
        out[0] = bos;
        System.arraycopy(ids, 0, out, 1, ids.length);
        return out;
    }

    private static String cutAtStop(String text, List<String> stop) {
        int cut = text.length();
        for (String s : stop) {
            int i = text.indexOf(s);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return text.substring(0, cut);
    }

    @Override
    public void close() {
        checkpoint.close();
    }
}

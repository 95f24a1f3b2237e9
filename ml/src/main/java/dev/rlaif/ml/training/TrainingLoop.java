package dev.rlaif.ml.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.rlaif.ml.Engines;
import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.HfCheckpoint;
import dev.rlaif.ml.model.Safetensors;
import dev.rlaif.ml.tokenizer.TextTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Optimiser steps over an {@link Objective}: gradient accumulation, global-norm clipping, warmup
 * + cosine learning rate, AdamW. Every step runs in its own sub-manager, so nothing from a step
 * outlives it except the parameter and moment updates. Dropout is seeded from (seed, step), which
 * makes a resumed run repeat the uninterrupted one.
 */
public final class TrainingLoop implements AutoCloseable {

    static final String OPTIMIZER_FILE = "optimizer.safetensors";
    static final String STATE_FILE = "trainer_state.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * DJL allows one gradient collector per JVM at a time, so loops in one process (the services of
     * {@code local}, or two runs side by side) take their steps in turn rather than failing.
     */
    private static final ReentrantLock STEPS = new ReentrantLock();

    private final Gpt model;
    private final OptimizerConfig config;
    private final AdamW optimizer;
    private final long seed;
    private int step;

    public TrainingLoop(Gpt model, OptimizerConfig config, long seed) {
        if (!model.isTrainable()) {
            throw new IllegalArgumentException("the model is frozen");
        }
        this.model = model;
        this.config = config;
        this.seed = seed;
        Map<String, NDArray> named = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> named.put(name, p.getArray()));
        this.optimizer = new AdamW(named, model.manager(), config);
    }

    public Gpt model() {
        return model;
    }

    public OptimizerConfig config() {
        return config;
    }

    /** Optimiser steps taken so far. */
    public int step() {
        return step;
    }

    /**
     * Runs until {@code totalSteps} of the config are done or {@code stop} says so (checked
     * before each step); returns the metrics of the steps it ran.
     */
    public List<StepMetrics> run(Objective objective, ProgressListener listener, BooleanSupplier stop) {
        return run(objective, config.totalSteps() - step, listener, stop);
    }

    public List<StepMetrics> run(Objective objective, int steps, ProgressListener listener, BooleanSupplier stop) {
        List<StepMetrics> history = new ArrayList<>();
        for (int i = 0; i < steps && !stop.getAsBoolean(); i++) {
            StepMetrics metrics = step(objective);
            history.add(metrics);
            listener.onStep(metrics);
        }
        return history;
    }

    /** One optimiser step: accumulate gradients over the micro-batches, clip, update. */
    public StepMetrics step(Objective objective) {
        STEPS.lock();
        try {
            return stepAlone(objective);
        } finally {
            STEPS.unlock();
        }
    }

    private StepMetrics stepAlone(Objective objective) {
        int accumulation = config.gradientAccumulationSteps();
        Engines.seed(seed * 7919L + step);
        float lr = config.learningRateAt(step);
        Map<String, Float> metrics = new LinkedHashMap<>();
        double lossSum = 0;
        try (NDManager scope = model.manager().newSubManager()) {
            for (int micro = 0; micro < accumulation; micro++) {
                long microBatch = (long) step * accumulation + micro;
                Objective.Loss loss;
                try (GradientCollector collector = Engines.engine().newGradientCollector()) {
                    loss = objective.loss(scope, microBatch);
                    collector.backward(accumulation == 1 ? loss.value() : loss.value().div(accumulation));
                }
                lossSum += loss.value().getFloat();
                loss.metrics().forEach((name, value) ->
                        metrics.merge(name, value.getFloat() / accumulation, Float::sum));
            }
            // grad mode is per thread in libtorch and on by default in every thread but the engine's own;
            // the in-place parameter update must run with it off
            JniUtils.setGradMode(false);
            float gradNorm = optimizer.clipGradients(scope);
            optimizer.step(scope, lr);
            metrics.put("grad_norm", gradNorm);
        }
        step++;
        metrics.put("learning_rate", lr);
        return new StepMetrics(step, (float) (lossSum / accumulation), metrics);
    }

    /** A checkpoint directory: the HF files plus optimizer moments and {@code trainer_state.json}. */
    public void save(Path directory, TextTokenizer tokenizer) throws IOException {
        save(directory, tokenizer, Map.of());
    }

    /** As {@link #save(Path, TextTokenizer)}, with extra numbers (e.g. an RL baseline) to restore. */
    public void save(Path directory, TextTokenizer tokenizer, Map<String, Double> extra) throws IOException {
        Path partial = directory.resolveSibling(directory.getFileName() + ".partial");
        deleteRecursively(partial);
        HfCheckpoint.save(partial, model, tokenizer);
        Safetensors.write(partial.resolve(OPTIMIZER_FILE), optimizer.stateDict());
        var state = JSON.createObjectNode();
        state.put("step", step);
        state.put("optimizer_updates", optimizer.updates());
        state.put("seed", seed);
        state.set("optimizer", JSON.valueToTree(config));
        var extras = state.putObject("extra");
        extra.forEach(extras::put);
        Files.writeString(partial.resolve(STATE_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
        // write-then-rename: a crash mid-save never leaves a half checkpoint under the real name
        deleteRecursively(directory);
        Files.move(partial, directory);
    }

    /** Restores a loop saved by {@link #save}; the model is loaded (with a scalar head if saved). */
    public static Resumed resume(Path directory) throws IOException {
        JsonNode state = JSON.readTree(Files.readString(directory.resolve(STATE_FILE)));
        OptimizerConfig config = JSON.treeToValue(state.get("optimizer"), OptimizerConfig.class);
        var loaded = HfCheckpoint.load(directory);
        TrainingLoop loop = new TrainingLoop(loaded.model(), config, state.get("seed").asLong());
        loop.optimizer.loadStateDict(Safetensors.read(directory.resolve(OPTIMIZER_FILE)),
                state.get("optimizer_updates").asInt());
        loop.step = state.get("step").asInt();
        Map<String, Double> extra = new LinkedHashMap<>();
        state.path("extra").properties().forEach(e -> extra.put(e.getKey(), e.getValue().asDouble()));
        return new Resumed(loop, loaded.tokenizer(), extra);
    }

    /** A resumed loop with the tokenizer and extra numbers saved beside it. */
    public record Resumed(TrainingLoop loop, TextTokenizer tokenizer, Map<String, Double> extra) {}

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Closes the optimiser state; the model belongs to the caller. */
    @Override
    public void close() {
        optimizer.close();
    }
}

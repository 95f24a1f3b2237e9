package dev.rlaif.trainer.dataset;

import dev.rlaif.common.artifacts.ArtifactNames;
import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.testbed.raters.SimulatedHumans;
import dev.rlaif.testbed.tasks.Jsonl;
import dev.rlaif.testbed.tasks.PromptExample;
import dev.rlaif.testbed.tasks.SynthHarm;
import dev.rlaif.testbed.tasks.SynthSumm;
import dev.rlaif.testbed.tasks.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A run's prompts, split once into training and held-out sets and written to the artifact store
 * ({@link ArtifactNames#TRAIN_PROMPTS}, {@link ArtifactNames#EVAL_PROMPTS}); later stages and other
 * services read the same files. Sources: {@code testbed:synthsumm?n=…}, {@code testbed:synthharm?n=…},
 * or {@code file:<path>} with {@code {"id","prompt","reference"}} rows.
 */
public record RunDataset(List<PromptExample> train, List<PromptExample> eval, Optional<Task> testbedTask) {

    public static RunDataset prepare(UUID runId, RunSpec spec, ArtifactStore artifacts) {
        Path trainFile = artifacts.resolve(ArtifactStore.relative(runId, ArtifactNames.TRAIN_PROMPTS));
        Path evalFile = artifacts.resolve(ArtifactStore.relative(runId, ArtifactNames.EVAL_PROMPTS));
        Optional<Task> task = testbedTask(spec.dataset().source());
        if (Files.exists(trainFile) && Files.exists(evalFile)) {
            return new RunDataset(Jsonl.read(trainFile, PromptExample.class), Jsonl.read(evalFile, PromptExample.class), task);
        }
        List<PromptExample> all = load(spec);
        if (all.size() < 4) {
            throw new IllegalArgumentException("dataset " + spec.dataset().source() + " has " + all.size() + " prompts; at least 4 are needed");
        }
        int evalCount = Math.max(1, (int) Math.round(all.size() * spec.dataset().evalFraction()));
        List<PromptExample> eval = List.copyOf(all.subList(all.size() - evalCount, all.size()));
        List<PromptExample> train = List.copyOf(all.subList(0, all.size() - evalCount));
        try {
            Files.createDirectories(trainFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Jsonl.write(trainFile, train);
        Jsonl.write(evalFile, eval);
        return new RunDataset(train, eval, task);
    }

    /** Human (simulated, on the testbed) preference for A over B, when the dataset has a gold notion of quality. */
    public Optional<SimulatedHumans> humans(long seed) {
        return testbedTask.map(task -> new SimulatedHumans(task, seed));
    }

    private static List<PromptExample> load(RunSpec spec) {
        String source = spec.dataset().source();
        if (source.startsWith("file:")) {
            return Jsonl.read(Path.of(source.substring("file:".length())), PromptExample.class);
        }
        String rest = source.substring("testbed:".length());
        String name = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        Map<String, String> options = options(rest.contains("?") ? rest.substring(rest.indexOf('?') + 1) : "");
        int n = Integer.parseInt(options.getOrDefault("n", "512"));
        long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(spec.seed())));
        return switch (name) {
            case "synthsumm" -> options.containsKey("imperfect")
                    ? new SynthSumm(seed, Double.parseDouble(options.get("imperfect"))).prompts(n)
                    : new SynthSumm(seed).prompts(n);
            case "synthharm" -> new SynthHarm(seed).prompts(n);
            default -> throw new IllegalArgumentException("unknown testbed task '" + name + "' (synthsumm, synthharm)");
        };
    }

    private static Optional<Task> testbedTask(String source) {
        if (!source.startsWith("testbed:")) {
            return Optional.empty();
        }
        String rest = source.substring("testbed:".length());
        String name = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        return switch (name) {
            case "synthsumm" -> Optional.of(Task.SYNTHSUMM);
            case "synthharm" -> Optional.of(Task.SYNTHHARM);
            default -> Optional.empty();
        };
    }

    private static Map<String, String> options(String query) {
        Map<String, String> options = new HashMap<>();
        for (String part : query.split("&")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            options.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return options;
    }

    public List<String> corpus() {
        List<String> texts = new ArrayList<>();
        for (PromptExample example : train) {
            texts.add(example.prompt());
            texts.add(example.reference());
        }
        for (PromptExample example : eval) {
            texts.add(example.prompt());
            texts.add(example.reference());
        }
        return texts;
    }
}

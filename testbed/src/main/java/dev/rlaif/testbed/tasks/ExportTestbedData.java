package dev.rlaif.testbed.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a task's data sets as JSONL, plus its word list for a word-level tokenizer:
 * {@code java -cp judge-sim.jar dev.rlaif.testbed.tasks.ExportTestbedData --task synthsumm --out data}.
 */
public final class ExportTestbedData {

    private ExportTestbedData() {
    }

    /** What was written. */
    public record Written(Path prompts, Path pairs, Path vocabulary) {
    }

    /**
     * @param prompts number of {@code {"id","prompt","reference"}} rows
     * @param pairs   number of {@code {"id","prompt","response_a","response_b","preference"}} rows
     */
    public static Written export(Task task, long seed, int prompts, int pairs, double imperfectReferenceRate,
            Path dir) {
        try {
            Files.createDirectories(dir);
            String name = task.taskName();
            Written written = new Written(dir.resolve(name + "-prompts.jsonl"), dir.resolve(name + "-pairs.jsonl"),
                    dir.resolve(name + "-vocab.txt"));
            switch (task) {
                case SYNTHSUMM -> {
                    SynthSumm synth = new SynthSumm(seed, imperfectReferenceRate);
                    Jsonl.write(written.prompts(), synth.prompts(prompts));
                    Jsonl.write(written.pairs(), synth.preferencePairs(pairs));
                    Files.write(written.vocabulary(), SummLexicon.vocabulary());
                }
                case SYNTHHARM -> {
                    SynthHarm synth = new SynthHarm(seed);
                    Jsonl.write(written.prompts(), synth.prompts(prompts));
                    Jsonl.write(written.pairs(), synth.preferencePairs(pairs));
                    Files.write(written.vocabulary(), HarmLexicon.vocabulary());
                }
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        Task task = Task.SYNTHSUMM;
        long seed = 1;
        int prompts = 1000;
        int pairs = 2000;
        double imperfect = SynthSumm.DEFAULT_IMPERFECT_REFERENCE_RATE;
        Path out = Path.of("testbed-data");
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--task" -> task = Task.named(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--prompts" -> prompts = Integer.parseInt(v);
                case "--pairs" -> pairs = Integer.parseInt(v);
                case "--imperfect-reference-rate" -> imperfect = Double.parseDouble(v);
                case "--out" -> out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--task, --seed, --prompts, --pairs, --imperfect-reference-rate, --out)");
            }
        }
        Written w = export(task, seed, prompts, pairs, imperfect, out);
        for (Path p : List.of(w.prompts(), w.pairs(), w.vocabulary())) {
            System.out.println("wrote " + p);
        }
    }
}

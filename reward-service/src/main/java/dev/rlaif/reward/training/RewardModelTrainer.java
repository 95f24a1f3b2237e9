package dev.rlaif.reward.training;

import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.HfCheckpoint;
import dev.rlaif.ml.training.OptimizerConfig;
import dev.rlaif.ml.training.PreferencePair;
import dev.rlaif.ml.training.RewardModelLoss;
import dev.rlaif.ml.training.RewardModelObjective;
import dev.rlaif.ml.training.TrainingLoop;
import dev.rlaif.reward.labels.StoredLabel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Distilled RLAIF's reward model (Lee et al. 2023, §2.2): initialised from the SFT policy (its backbone
 * plus a fresh scalar head), trained with the cross-entropy between softmax(r_A, r_B) and the AI labeler's
 * soft preference, validated on a held-out split against the AI labels and, where the data has them,
 * against human labels. Plain Java over {@code ml}: the stage service wraps it with events and storage.
 */
public final class RewardModelTrainer {

    /** Sequences per forward pass when scoring the held-out split. */
    private static final int EVAL_BATCH = 64;

    /**
     * The run spec's reward settings (paper: 3 epochs, learning rate 1e-5) plus what the service adds.
     *
     * @param maxResponseTokens response tokens the model reads
     */
    public record Settings(int epochs, float learningRate, int batchSize, double validationFraction, long seed,
                           int maxResponseTokens) {
    }

    /** One optimiser step, as stored in the training curve and published as progress. */
    public record StepReport(int step, int totalSteps, double epoch, double loss, double accuracy, double learningRate) {
    }

    /** Receives each step's report. */
    @FunctionalInterface
    public interface Observer {
        void onStep(StepReport report);
    }

    /**
     * What training produced.
     *
     * @param accuracyAiHeldOut    pairwise accuracy against the AI labels of the held-out split (NaN if none)
     * @param accuracyHumanHeldOut pairwise accuracy against human labels of the held-out split (NaN if none)
     * @param labelerHumanHeldOut  how often the AI label itself agrees with the human label on the same pairs
     */
    public record Outcome(int steps, int trainExamples, int heldOutExamples, int humanHeldOutExamples,
                          double lossFinal, double lossHeldOut, double accuracyAiHeldOut, double accuracyHumanHeldOut,
                          double labelerHumanHeldOut, List<StepReport> curve) {
    }

    /** Thrown when the stop condition (a cancelled run) ends training early. */
    public static final class TrainingStoppedException extends RuntimeException {
        public TrainingStoppedException(String message) {
            super(message);
        }
    }

    /**
     * Trains on {@code labels} and writes the checkpoint (Hugging Face layout, with {@code score.weight})
     * to {@code outputDir}, replacing what was there only once the new checkpoint is complete.
     */
    public Outcome train(Path sftCheckpoint, List<StoredLabel> labels, Settings settings, Observer observer,
                         BooleanSupplier stop, Path outputDir) throws IOException {
        GradMode.offOnThisThread();
        TrainingSplit split = TrainingSplit.of(labels, settings.validationFraction(), settings.seed());
        if (split.train().isEmpty()) {
            throw new IllegalStateException("no labels to train a reward model on");
        }
        try (HfCheckpoint.Loaded sft = HfCheckpoint.load(sftCheckpoint, true, true, settings.seed())) {
            Gpt model = sft.model();
            var text = new RewardText(sft.tokenizer(), model.config().blockSize(), settings.maxResponseTokens());
            List<PreferencePair> train = split.train().stream().map(label -> pair(text, label)).toList();
            int batch = Math.min(settings.batchSize(), train.size());
            int stepsPerEpoch = (train.size() + batch - 1) / batch;
            int totalSteps = stepsPerEpoch * settings.epochs();
            List<StepReport> curve = new ArrayList<>(totalSteps);
            try (TrainingLoop loop = new TrainingLoop(model, OptimizerConfig.defaults(settings.learningRate(), totalSteps),
                    settings.seed())) {
                var objective = new RewardModelObjective(model, train, batch, settings.seed());
                loop.run(objective, metrics -> {
                    var report = new StepReport(metrics.step(), totalSteps, (double) metrics.step() / stepsPerEpoch,
                            metrics.loss(), metrics.metric("accuracy"), metrics.metric("learning_rate"));
                    curve.add(report);
                    observer.onStep(report);
                }, stop);
            }
            if (curve.size() < totalSteps) {
                throw new TrainingStoppedException("training stopped after " + curve.size() + " of " + totalSteps + " steps");
            }
            Validation validation = validate(model, text, split.heldOut());
            save(outputDir, model, sft);
            return new Outcome(totalSteps, train.size(), split.heldOut().size(), validation.humanExamples(),
                    curve.getLast().loss(), validation.loss(), validation.accuracyAi(), validation.accuracyHuman(),
                    validation.labelerHuman(), List.copyOf(curve));
        }
    }

    private record Validation(double loss, double accuracyAi, double accuracyHuman, double labelerHuman, int humanExamples) {
    }

    private static Validation validate(Gpt model, RewardText text, List<StoredLabel> heldOut) {
        if (heldOut.isEmpty()) {
            return new Validation(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int n = heldOut.size();
        float[] rewardsA = new float[n];
        float[] rewardsB = new float[n];
        for (int from = 0; from < n; from += EVAL_BATCH) {
            List<StoredLabel> chunk = heldOut.subList(from, Math.min(n, from + EVAL_BATCH));
            float[] a = RewardModelScorer.score(model, chunk.stream().map(l -> text.encode(l.prompt(), l.responseA())).toList());
            float[] b = RewardModelScorer.score(model, chunk.stream().map(l -> text.encode(l.prompt(), l.responseB())).toList());
            System.arraycopy(a, 0, rewardsA, from, a.length);
            System.arraycopy(b, 0, rewardsB, from, b.length);
        }
        float[] ai = new float[n];
        double loss = 0;
        List<float[]> human = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StoredLabel label = heldOut.get(i);
            ai[i] = (float) label.preference();
            double margin = rewardsA[i] - rewardsB[i];
            // cross-entropy of softmax(r_A, r_B) against (μ, 1 − μ), in a numerically stable form
            loss += label.preference() * softplus(-margin) + (1 - label.preference()) * softplus(margin);
            if (label.humanPreference() != null) {
                human.add(new float[] {rewardsA[i], rewardsB[i], label.humanPreference().floatValue(), ai[i]});
            }
        }
        double accuracyHuman = Double.NaN;
        double labelerHuman = Double.NaN;
        if (!human.isEmpty()) {
            float[] ra = new float[human.size()];
            float[] rb = new float[human.size()];
            float[] mu = new float[human.size()];
            float[] labelerA = new float[human.size()];
            float[] labelerB = new float[human.size()];
            for (int i = 0; i < human.size(); i++) {
                ra[i] = human.get(i)[0];
                rb[i] = human.get(i)[1];
                mu[i] = human.get(i)[2];
                labelerA[i] = human.get(i)[3];
                labelerB[i] = 1 - human.get(i)[3];
            }
            accuracyHuman = RewardModelLoss.accuracy(ra, rb, mu);
            labelerHuman = RewardModelLoss.accuracy(labelerA, labelerB, mu);
        }
        return new Validation(loss / n, RewardModelLoss.accuracy(rewardsA, rewardsB, ai), accuracyHuman, labelerHuman,
                human.size());
    }

    private static double softplus(double x) {
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }

    private static PreferencePair pair(RewardText text, StoredLabel label) {
        var a = text.encode(label.prompt(), label.responseA());
        var b = text.encode(label.prompt(), label.responseB());
        // both responses share one prompt encoding: cut it to the room the longer response leaves
        long[] prompt = a.prompt().length <= b.prompt().length ? a.prompt() : b.prompt();
        return new PreferencePair(prompt, a.response(), b.response(), (float) label.preference());
    }

    /** Write-then-rename, so a crash mid-save never leaves a half checkpoint under the real name. */
    private static void save(Path outputDir, Gpt model, HfCheckpoint.Loaded sft) throws IOException {
        Path partial = outputDir.resolveSibling(outputDir.getFileName() + ".partial");
        deleteRecursively(partial);
        HfCheckpoint.save(partial, model, sft.tokenizer());
        deleteRecursively(outputDir);
        Files.move(partial, outputDir);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

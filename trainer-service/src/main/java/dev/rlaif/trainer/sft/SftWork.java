package dev.rlaif.trainer.sft;

import dev.rlaif.common.artifacts.ArtifactNames;
import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.GptConfig;
import dev.rlaif.ml.model.HfCheckpoint;
import dev.rlaif.ml.tokenizer.TextTokenizer;
import dev.rlaif.ml.tokenizer.WordLevelTokenizerBuilder;
import dev.rlaif.ml.training.OptimizerConfig;
import dev.rlaif.ml.training.SftExample;
import dev.rlaif.ml.training.SftObjective;
import dev.rlaif.ml.training.StepMetrics;
import dev.rlaif.ml.training.TrainingLoop;
import dev.rlaif.testbed.tasks.PromptExample;
import dev.rlaif.ml.tokenizer.PolicyText;
import dev.rlaif.trainer.dataset.RunDataset;
import dev.rlaif.trainer.stages.StageContext;
import dev.rlaif.trainer.stages.StageOutcome;
import dev.rlaif.trainer.stages.StageWork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SFT: prepares the run's dataset, then fine-tunes the initial policy on the references (or, with SFT
 * off, takes the initial policy as it is) and saves it as the run's SFT checkpoint. A finished
 * checkpoint is reused, so a redelivered command does not train twice.
 */
@Component
public class SftWork implements StageWork {

    @Override
    public Stage stage() {
        return Stage.SFT;
    }

    @Override
    public StageOutcome run(StageContext context) throws Exception {
        RunSpec spec = context.spec();
        RunDataset dataset = RunDataset.prepare(context.runId(), spec, context.artifacts());
        Path sftDir = context.artifacts().directory(context.runId(), ArtifactNames.SFT_POLICY);
        String relative = ArtifactStore.relative(context.runId(), ArtifactNames.SFT_POLICY);
        Map<String, String> artifacts = Map.of("sft", relative,
                "trainPrompts", ArtifactStore.relative(context.runId(), ArtifactNames.TRAIN_PROMPTS),
                "evalPrompts", ArtifactStore.relative(context.runId(), ArtifactNames.EVAL_PROMPTS));
        if (Files.exists(sftDir.resolve("model.safetensors"))) {
            return StageOutcome.done(Map.of("train_prompts", (double) dataset.train().size()), artifacts);
        }

        String init = spec.policy().init();
        try (HfCheckpoint.Loaded initial = initialPolicy(init, dataset, spec.seed())) {
            TextTokenizer tokenizer = initial.tokenizer();
            Gpt model = initial.model();
            int maxNew = spec.sampling().maxNewTokens();
            double finalLoss = Double.NaN;
            int steps = 0;
            if (spec.sft().enabled()) {
                List<SftExample> examples = new ArrayList<>();
                for (PromptExample example : dataset.train()) {
                    examples.add(new SftExample(
                            PolicyText.prompt(tokenizer, example.prompt(), model.config().blockSize(), maxNew),
                            PolicyText.response(tokenizer, example.reference(), maxNew)));
                }
                int batch = Math.min(spec.sft().batchSize(), examples.size());
                steps = Math.max(1, spec.sft().epochs() * (int) Math.ceil(examples.size() / (double) batch));
                var optimizer = OptimizerConfig.defaults(spec.sft().learningRate().floatValue(), steps).withWarmup(Math.min(20, steps / 10));
                try (TrainingLoop loop = new TrainingLoop(model, optimizer, spec.seed())) {
                    int total = steps;
                    List<StepMetrics> history = loop.run(new SftObjective(model, examples, batch, spec.seed()),
                            metrics -> context.progress(metrics.step(), total, Map.of("sft_loss", (double) metrics.loss())),
                            () -> {
                                context.checkCancelled();
                                return false;
                            });
                    finalLoss = history.isEmpty() ? Double.NaN : history.getLast().loss();
                }
            }
            Path partial = sftDir.resolveSibling(sftDir.getFileName() + ".partial");
            HfCheckpoint.save(partial, model, tokenizer);
            Files.deleteIfExists(sftDir);
            Files.move(partial, sftDir);
            return StageOutcome.done(Map.of(
                    "sft_loss", finalLoss,
                    "sft_steps", (double) steps,
                    "parameters", (double) model.parameterCount(),
                    "train_prompts", (double) dataset.train().size(),
                    "eval_prompts", (double) dataset.eval().size()), artifacts);
        }
    }

    /** {@code hf:<dir>} loads a checkpoint; {@code scratch:<size>} builds a word-level tokenizer from the corpus and a fresh model. */
    private static HfCheckpoint.Loaded initialPolicy(String init, RunDataset dataset, long seed) throws Exception {
        if (init.startsWith("hf:")) {
            return HfCheckpoint.load(Path.of(init.substring(3)), false, true, seed);
        }
        TextTokenizer tokenizer = new WordLevelTokenizerBuilder().maxVocabSize(20_000)
                .addCorpus(dataset.corpus()).addText(PolicyText.MARKER).build();
        GptConfig config = GptConfig.preset(init, tokenizer.vocabSize(), tokenizer.bosId(), tokenizer.eosId(), tokenizer.padId());
        return new HfCheckpoint.Loaded(Gpt.initialize(config, seed, false), tokenizer);
    }
}

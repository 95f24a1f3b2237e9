package dev.rlaif.eval.evaluations;

import dev.rlaif.common.artifacts.ArtifactNames;
import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.GptConfig;
import dev.rlaif.ml.model.HfCheckpoint;
import dev.rlaif.ml.tokenizer.PolicyText;
import dev.rlaif.ml.tokenizer.TextTokenizer;
import dev.rlaif.ml.tokenizer.WordLevelTokenizerBuilder;
import dev.rlaif.testbed.tasks.Jsonl;
import dev.rlaif.testbed.tasks.PromptExample;
import dev.rlaif.testbed.tasks.SynthSumm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Two tiny (scratch:xxs, freshly initialised) synthsumm policies and a held-out prompt set, written
 * into the artifact store where the trainer leaves them: {@code runs/<id>/policy}, {@code runs/<id>/sft},
 * {@code runs/<id>/dataset/eval.jsonl}.
 */
final class TinyPolicies {

    static final SynthSumm TASK = new SynthSumm(11);

    private TinyPolicies() {
    }

    static void write(ArtifactStore store, UUID runId, int evalPrompts) throws IOException {
        List<PromptExample> prompts = TASK.prompts(evalPrompts);
        Path evalFile = store.resolve(ArtifactStore.relative(runId, ArtifactNames.EVAL_PROMPTS));
        Files.createDirectories(evalFile.getParent());
        Jsonl.write(evalFile, prompts);
        try (TextTokenizer tokenizer = tokenizer()) {
            save(store.directory(runId, ArtifactNames.RL_POLICY), tokenizer, 101);
            save(store.directory(runId, ArtifactNames.SFT_POLICY), tokenizer, 202);
        }
    }

    static TextTokenizer tokenizer() throws IOException {
        List<String> corpus = new ArrayList<>();
        for (PromptExample example : TASK.prompts(200)) {
            corpus.add(example.prompt());
            corpus.add(example.reference());
        }
        corpus.add(PolicyText.MARKER);
        return new WordLevelTokenizerBuilder().maxVocabSize(400).addCorpus(corpus).build();
    }

    private static void save(Path directory, TextTokenizer tokenizer, long seed) throws IOException {
        GptConfig config = GptConfig.preset("scratch:xxs", tokenizer.vocabSize(), tokenizer.bosId(), tokenizer.eosId(),
                tokenizer.padId());
        try (Gpt model = Gpt.initialize(config, seed, false)) {
            HfCheckpoint.save(directory, model, tokenizer);
        }
    }
}

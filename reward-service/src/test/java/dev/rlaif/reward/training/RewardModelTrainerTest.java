package dev.rlaif.reward.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.reward.SimulatedLabels;
import dev.rlaif.reward.TinySft;
import dev.rlaif.reward.labels.StoredLabel;
import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.judgesim.JudgeSimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardModelTrainerTest {

    @TempDir
    Path dir;

    @Test
    void softLabelCrossEntropyLearnsTheJudgesPreferencesOnSynthsumm() throws Exception {
        var pairs = SimulatedLabels.pairs(Integer.getInteger("rm.pairs", 400), 11);
        List<SimulatedLabels.Labeled> labeled;
        try (JudgeSimulator simulator = JudgeSimulator.start(JudgeSimulatorConfig.defaults())) {
            labeled = SimulatedLabels.label(pairs, simulator);
        }
        UUID runId = UUID.randomUUID();
        List<StoredLabel> labels = new ArrayList<>();
        List<String> corpus = new ArrayList<>();
        for (var l : labeled) {
            labels.add(new StoredLabel(runId, l.pairId(), l.prompt(), l.responseA(), l.responseB(), l.preference(), l.humanPreference()));
            corpus.add(l.prompt());
            corpus.add(l.responseA());
            corpus.add(l.responseB());
        }
        TinySft.write(dir.resolve("sft"), corpus, 3);
        var settings = new RewardModelTrainer.Settings(Integer.getInteger("rm.epochs", 8),
                Float.parseFloat(System.getProperty("rm.lr", "3e-3")), 32, 0.2, 5, 48);
        long start = System.nanoTime();
        var outcome = new RewardModelTrainer().train(dir.resolve("sft"), labels, settings, r -> { }, () -> false,
                dir.resolve("rm"));
        System.out.printf("RM: %d steps in %.1f s, loss %.3f -> %.3f, held-out loss %.3f, AI acc %.3f, human acc %.3f, labeler-human %.3f (n=%d)%n",
                outcome.steps(), (System.nanoTime() - start) / 1e9, outcome.curve().getFirst().loss(), outcome.lossFinal(),
                outcome.lossHeldOut(), outcome.accuracyAiHeldOut(), outcome.accuracyHumanHeldOut(), outcome.labelerHumanHeldOut(),
                outcome.heldOutExamples());
        assertThat(Files.exists(dir.resolve("rm").resolve("model.safetensors"))).isTrue();
    }
}

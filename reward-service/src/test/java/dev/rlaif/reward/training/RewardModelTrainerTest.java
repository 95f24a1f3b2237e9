package dev.rlaif.reward.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.HfCheckpoint;
import dev.rlaif.reward.TinySft;
import dev.rlaif.reward.labels.StoredLabel;
import dev.rlaif.testbed.tasks.SynthSumm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer without the service: what it writes and reports. Accuracy is the integration test's job. */
class RewardModelTrainerTest {

    @TempDir
    Path dir;

    private List<StoredLabel> labels(int count) throws Exception {
        UUID runId = UUID.randomUUID();
        List<StoredLabel> labels = new ArrayList<>();
        List<String> corpus = new ArrayList<>();
        for (var pair : new SynthSumm(4).preferencePairs(count)) {
            labels.add(new StoredLabel(runId, UUID.nameUUIDFromBytes(pair.id().getBytes()), pair.prompt(), pair.responseA(),
                    pair.responseB(), pair.preference(), pair.preference()));
            corpus.addAll(List.of(pair.prompt(), pair.responseA(), pair.responseB()));
        }
        TinySft.write(dir.resolve("sft"), corpus, 3);
        return labels;
    }

    @Test
    void writesAHuggingFaceCheckpointWithAScalarHeadAndReportsEveryStep() throws Exception {
        var labels = labels(96);
        List<RewardModelTrainer.StepReport> observed = new ArrayList<>();
        var settings = new RewardModelTrainer.Settings(2, 1e-3f, 16, 0.25, 5, 32);

        var outcome = new RewardModelTrainer().train(dir.resolve("sft"), labels, settings, observed::add, () -> false,
                dir.resolve("rm"));

        var split = TrainingSplit.of(labels, 0.25, 5);
        int stepsPerEpoch = (split.train().size() + 15) / 16;
        assertThat(outcome.steps()).isEqualTo(2 * stepsPerEpoch);
        assertThat(observed).hasSize(outcome.steps()).isEqualTo(outcome.curve());
        assertThat(observed.getLast().epoch()).isEqualTo(2.0);
        assertThat(outcome.heldOutExamples()).isEqualTo(split.heldOut().size());
        assertThat(outcome.humanHeldOutExamples()).isEqualTo(split.heldOut().size());
        assertThat(outcome.accuracyAiHeldOut()).isBetween(0.0, 1.0);
        assertThat(Files.exists(dir.resolve("rm.partial"))).isFalse();
        try (var loaded = HfCheckpoint.load(dir.resolve("rm"), false, false, 0)) {
            assertThat(loaded.model().hasScalarHead()).isTrue();
            assertThat(loaded.model().namedParameters()).containsKey(Gpt.SCORE_HEAD);
            assertThat(loaded.tokenizer()).isNotNull();
        }
    }

    @Test
    void stopsWhenTheRunIsCancelledAndWritesNoCheckpoint() throws Exception {
        var labels = labels(32);
        var settings = new RewardModelTrainer.Settings(3, 1e-3f, 8, 0.1, 5, 32);
        int[] steps = {0};
        assertThatThrownBy(() -> new RewardModelTrainer().train(dir.resolve("sft"), labels, settings, r -> steps[0]++,
                () -> steps[0] >= 2, dir.resolve("rm")))
                .isInstanceOf(RewardModelTrainer.TrainingStoppedException.class);
        assertThat(steps[0]).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("rm"))).isFalse();
    }
}

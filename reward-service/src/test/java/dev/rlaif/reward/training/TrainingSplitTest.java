package dev.rlaif.reward.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.reward.labels.StoredLabel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrainingSplitTest {

    private static List<StoredLabel> labels(int count) {
        UUID run = UUID.randomUUID();
        List<StoredLabel> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            labels.add(new StoredLabel(run, UUID.nameUUIDFromBytes(("pair-" + i).getBytes()), "p" + i, "a", "b", 0.7, null));
        }
        return labels;
    }

    @Test
    void theHeldOutPairsDependOnTheSeedAndPairIdsNotOnArrivalOrder() {
        List<StoredLabel> labels = labels(1000);
        List<StoredLabel> shuffled = new ArrayList<>(labels);
        Collections.shuffle(shuffled, new java.util.Random(3));

        var split = TrainingSplit.of(labels, 0.2, 42);
        assertThat(TrainingSplit.of(shuffled, 0.2, 42)).isEqualTo(split);
        assertThat(split.heldOut().size()).isBetween(160, 240);
        assertThat(split.train().size() + split.heldOut().size()).isEqualTo(1000);
        assertThat(split.train()).doesNotContainAnyElementsOf(split.heldOut());
        assertThat(TrainingSplit.of(labels, 0.2, 43).heldOut()).isNotEqualTo(split.heldOut());
    }

    @Test
    void aSmallDataSetStillHoldsOutOnePairUnlessNothingWouldBeLeftToTrainOn() {
        for (long seed = 0; seed < 20; seed++) {
            var split = TrainingSplit.of(labels(3), 0.1, seed);
            assertThat(split.heldOut()).isNotEmpty();
            assertThat(split.train()).isNotEmpty();
        }
        assertThat(TrainingSplit.of(labels(1), 0.1, 1).heldOut()).isEmpty();
        assertThat(TrainingSplit.of(labels(50), 0.0, 1).heldOut()).isEmpty();
    }
}

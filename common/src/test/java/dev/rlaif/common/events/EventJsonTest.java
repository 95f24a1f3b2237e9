package dev.rlaif.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rlaif.common.spec.DatasetSpec;
import dev.rlaif.common.spec.LabelingSpec;
import dev.rlaif.common.spec.RunSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID PAIR = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void everyEventSurvivesTheJsonRoundTripAsItsOwnType() {
        RunSpec spec = new RunSpec("demo", null, new DatasetSpec("testbed:synthsumm", null), null, null, null, null, null, null, null);
        List<RlaifEvent> events = List.of(
                RunSubmitted.of(RUN, spec, Instant.parse("2026-01-01T00:00:00Z")),
                RunCancelled.of(RUN, Instant.parse("2026-01-01T00:01:00Z")),
                StageRequested.of(RUN, Stage.SFT, 1),
                StageCompleted.of(RUN, Stage.SFT, 1, Map.of("loss", 1.5), Map.of("checkpoint", "runs/x/sft")),
                StageFailed.of(RUN, Stage.RL, 2, "out of memory"),
                RunProgress.of(RUN, Stage.RL, 10, 100, Map.of("kl", 0.1), Instant.parse("2026-01-01T00:02:00Z")),
                LabelRequested.of(RUN, PAIR, "post", "a", "b", 0.7, spec.labeling()),
                LabelProduced.of(RUN, PAIR, "post", "a", "b", 0.64, null, 2, 120, 35),
                LabelFailed.of(RUN, PAIR, "judge answered 500 five times"),
                RewardRequested.of(RUN, PAIR, List.of(new ScoringItem("post", "summary"))),
                RewardScored.of(RUN, PAIR, List.of(0.25)),
                RewardFailed.of(RUN, PAIR, "no reward model"));

        for (RlaifEvent event : events) {
            String json = JSON.writeValueAsString(event);
            assertThat(JSON.readTree(json).path("type").asString()).isEqualTo(event.getClass().getSimpleName());
            assertThat(JSON.readValue(json, RlaifEvent.class)).isEqualTo(event);
        }
    }

    @Test
    void eventIdsAreDeterministicSoARepublishedFactIsRecognised() {
        assertThat(StageRequested.of(RUN, Stage.LABEL, 1).eventId()).isEqualTo(StageRequested.of(RUN, Stage.LABEL, 1).eventId());
        assertThat(StageRequested.of(RUN, Stage.LABEL, 2).eventId()).isNotEqualTo(StageRequested.of(RUN, Stage.LABEL, 1).eventId());
    }

    @Test
    void labelEventsAreKeyedByPairAndRunEventsByRun() {
        assertThat(LabelFailed.of(RUN, PAIR, "x").key()).isEqualTo(PAIR.toString());
        assertThat(StageFailed.of(RUN, Stage.RL, 1, "x").key()).isEqualTo(RUN.toString());
    }

    @Test
    void aSoftLabelOutsideZeroToOneIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LabelProduced.of(RUN, PAIR, "p", "a", "b", 1.2, null, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new LabelingSpec(null, null, null, null, null, null, null, null, null).positionDebiasing()).isTrue();
        assertThat(new LabelingSpec(null, null, null, null, null, null, null, null, null).source()).isEqualTo("ai");
    }
}

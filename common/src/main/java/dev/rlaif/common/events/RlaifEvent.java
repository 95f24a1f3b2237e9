package dev.rlaif.common.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/**
 * Every message the services exchange over Kafka. The JSON carries a {@code type} discriminator so a
 * consumer needs no Java type headers; each event is keyed by {@link #key()} so that the events of
 * one run (or one pair) keep their order within a partition.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RunSubmitted.class, name = "RunSubmitted"),
        @JsonSubTypes.Type(value = RunCancelled.class, name = "RunCancelled"),
        @JsonSubTypes.Type(value = StageRequested.class, name = "StageRequested"),
        @JsonSubTypes.Type(value = StageCompleted.class, name = "StageCompleted"),
        @JsonSubTypes.Type(value = StageFailed.class, name = "StageFailed"),
        @JsonSubTypes.Type(value = RunProgress.class, name = "RunProgress"),
        @JsonSubTypes.Type(value = LabelRequested.class, name = "LabelRequested"),
        @JsonSubTypes.Type(value = LabelProduced.class, name = "LabelProduced"),
        @JsonSubTypes.Type(value = LabelFailed.class, name = "LabelFailed"),
        @JsonSubTypes.Type(value = RewardRequested.class, name = "RewardRequested"),
        @JsonSubTypes.Type(value = RewardScored.class, name = "RewardScored"),
        @JsonSubTypes.Type(value = RewardFailed.class, name = "RewardFailed")
})
public sealed interface RlaifEvent permits RunEvent, StageEvent, RunProgress, LabelEvent, RewardEvent {

    /** Deterministic id of this event: a redelivery carries the same id. */
    UUID eventId();

    UUID runId();

    default String key() {
        return runId().toString();
    }
}

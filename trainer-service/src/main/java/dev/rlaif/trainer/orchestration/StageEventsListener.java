package dev.rlaif.trainer.orchestration;

import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.events.StageCompleted;
import dev.rlaif.common.events.StageFailed;
import dev.rlaif.common.kafka.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Stage outcomes from every service drive the state machine. */
@Component
public class StageEventsListener {

    private final Orchestrator orchestrator;

    public StageEventsListener(Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @KafkaListener(id = "trainer-orchestrator", topics = Topics.STAGE_EVENTS)
    public void on(RlaifEvent event) {
        switch (event) {
            case StageCompleted completed -> orchestrator.onCompleted(completed);
            case StageFailed failed -> orchestrator.onFailed(failed);
            default -> { }
        }
    }
}

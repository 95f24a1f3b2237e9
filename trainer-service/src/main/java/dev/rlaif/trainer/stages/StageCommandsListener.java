package dev.rlaif.trainer.stages;

import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.events.StageRequested;
import dev.rlaif.common.kafka.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Picks the trainer's own stages from the command topic; the other services pick theirs. */
@Component
public class StageCommandsListener {

    private final StageWorkers workers;

    public StageCommandsListener(StageWorkers workers) {
        this.workers = workers;
    }

    @KafkaListener(id = "trainer-stage-commands", topics = Topics.STAGE_COMMANDS)
    public void on(RlaifEvent event) {
        if (event instanceof StageRequested command && workers.owns(command.stage())) {
            workers.dispatch(command);
        }
    }
}

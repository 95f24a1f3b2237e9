package dev.rlaif.reward.training;

import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.events.StageRequested;
import dev.rlaif.common.kafka.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Stage commands for REWARD_MODEL; the other stages belong to other services. */
@Component
public class StageCommandsListener {

    private final RewardModelStage stage;

    public StageCommandsListener(RewardModelStage stage) {
        this.stage = stage;
    }

    @KafkaListener(id = "${spring.application.name}-stages", topics = Topics.STAGE_COMMANDS)
    public void on(RlaifEvent event) {
        if (event instanceof StageRequested requested && requested.stage() == Stage.REWARD_MODEL) {
            stage.onRequested(requested);
        }
    }
}

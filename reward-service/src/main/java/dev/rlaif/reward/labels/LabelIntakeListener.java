package dev.rlaif.reward.labels;

import dev.rlaif.common.events.LabelFailed;
import dev.rlaif.common.events.LabelProduced;
import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.events.StageCompleted;
import dev.rlaif.common.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this service's own copy of every run's labels (event-carried state: the labeler's schema is
 * never read), and the label count the LABEL stage reported, so that training knows when its copy is complete.
 */
@Component
public class LabelIntakeListener {

    private static final Logger log = LoggerFactory.getLogger(LabelIntakeListener.class);

    private final LabelRepository labels;

    public LabelIntakeListener(LabelRepository labels) {
        this.labels = labels;
    }

    @KafkaListener(id = "${spring.application.name}-labels", topics = Topics.LABEL_RESULTS)
    public void onLabel(RlaifEvent event) {
        switch (event) {
            case LabelProduced label -> {
                if (!labels.save(label)) {
                    log.debug("Label {} of run {} already stored; redelivery ignored", label.pairId(), label.runId());
                }
            }
            case LabelFailed failed -> labels.saveFailure(failed);
            default -> log.debug("Ignoring {} on {}", event.getClass().getSimpleName(), Topics.LABEL_RESULTS);
        }
    }

    @KafkaListener(id = "${spring.application.name}-label-stage", topics = Topics.STAGE_EVENTS)
    public void onStageEvent(RlaifEvent event) {
        if (event instanceof StageCompleted completed && completed.stage() == Stage.LABEL) {
            Double labeled = completed.metrics().get("labeled");
            if (labeled != null) {
                labels.expect(completed.runId(), labeled.intValue());
            }
        }
    }
}

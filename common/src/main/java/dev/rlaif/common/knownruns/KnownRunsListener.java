package dev.rlaif.common.knownruns;

import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.events.RunCancelled;
import dev.rlaif.common.events.RunSubmitted;
import dev.rlaif.common.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps {@code known_runs} in step with the run life-cycle events. */
public class KnownRunsListener {

    private static final Logger log = LoggerFactory.getLogger(KnownRunsListener.class);

    private final KnownRunRepository runs;

    public KnownRunsListener(KnownRunRepository runs) {
        this.runs = runs;
    }

    @KafkaListener(id = "${spring.application.name}-known-runs", topics = Topics.RUN_EVENTS)
    public void on(RlaifEvent event) {
        switch (event) {
            case RunSubmitted submitted -> {
                if (runs.remember(submitted)) {
                    log.info("Run {} ({}) is now known", submitted.runId(), submitted.spec().name());
                } else {
                    log.debug("Run {} was already known; redelivery ignored", submitted.runId());
                }
            }
            case RunCancelled cancelled -> runs.markCancelled(cancelled);
            default -> log.warn("Unexpected {} on {}", event.getClass().getSimpleName(), Topics.RUN_EVENTS);
        }
    }
}

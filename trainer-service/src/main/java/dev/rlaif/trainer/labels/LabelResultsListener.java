package dev.rlaif.trainer.labels;

import dev.rlaif.common.events.LabelFailed;
import dev.rlaif.common.events.LabelProduced;
import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.kafka.Topics;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Counts the labeler's results against the sampled pairs. */
@Component
public class LabelResultsListener {

    private final SampledPairs pairs;
    private final LabelCompletion completion;

    public LabelResultsListener(SampledPairs pairs, LabelCompletion completion) {
        this.pairs = pairs;
        this.completion = completion;
    }

    @KafkaListener(id = "trainer-label-results", topics = Topics.LABEL_RESULTS)
    public void on(RlaifEvent event) {
        boolean changed = switch (event) {
            case LabelProduced label -> pairs.labeled(label.pairId(), label.preference(), Instant.now());
            case LabelFailed failure -> pairs.failed(failure.pairId(), failure.reason(), Instant.now());
            default -> false;
        };
        if (changed) {
            completion.check(event.runId());
        }
    }
}

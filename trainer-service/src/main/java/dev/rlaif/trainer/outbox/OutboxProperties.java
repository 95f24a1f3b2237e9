package dev.rlaif.trainer.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How often unpublished events are looked for, and how many are sent per pass. */
@ConfigurationProperties("rlaif.outbox")
public record OutboxProperties(Duration pollInterval, Integer batchSize) {

    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        batchSize = batchSize == null ? 100 : batchSize;
    }
}

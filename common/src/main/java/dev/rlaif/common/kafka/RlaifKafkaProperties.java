package dev.rlaif.common.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Topic layout and listener retry policy shared by all services.
 *
 * @param partitions        partitions per topic (bounds how many replicas of a service consume in parallel)
 * @param replicationFactor replication factor for created topics (1 on a single broker)
 * @param retries           how many times a failing record is retried before it goes to {@code <topic>.DLT}
 * @param retryBackoff      first back-off between retries; doubles on each retry
 */
@ConfigurationProperties("rlaif.kafka")
public record RlaifKafkaProperties(Integer partitions, Short replicationFactor, Integer retries, Duration retryBackoff) {

    public RlaifKafkaProperties {
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        retries = retries == null ? 2 : retries;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
    }
}

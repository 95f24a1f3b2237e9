package dev.rlaif.labeler;

import dev.rlaif.judge.client.JudgeEndpoint;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the labeler drives judges and consumes label requests ({@code rlaif.labeler.*} in {@code labeler-service.yml}).
 *
 * @param judge    the client side of every judge call (timeouts, retries, the capacity cap)
 * @param requests how label requests are taken from Kafka
 * @param labelings limits of labeling jobs submitted over REST
 */
@ConfigurationProperties("rlaif.labeler")
public record LabelerProperties(Judge judge, Requests requests, Labelings labelings) {

    public LabelerProperties {
        judge = judge == null ? new Judge(null, null, null, null, null, null, null, null, null, null) : judge;
        requests = requests == null ? new Requests(null, null, null) : requests;
        labelings = labelings == null ? new Labelings(null, null) : labelings;
    }

    /**
     * @param api            {@code CHAT} ({@code /chat/completions}) or {@code COMPLETIONS} (legacy {@code /completions})
     * @param timeout        per attempt, from sending a request to its response headers
     * @param retries        retries after the first attempt on 429, 5xx, timeouts, malformed bodies, missing log-probabilities
     * @param initialBackoff first wait between attempts, doubled per retry with ±50 % jitter; a longer {@code Retry-After} wins
     * @param maxBackoff     the longest computed wait
     * @param maxRetryAfter  the longest {@code Retry-After} honoured
     * @param capacity       judge calls in flight per endpoint at most; a run's {@code labeling.judge.maxConcurrency} is capped by it
     * @param ratePerSecond  judge calls started per second per endpoint at most; 0 for none
     * @param acquireTimeout how long a call may wait for a concurrency slot before it fails
     * @param topLogprobs    alternatives requested per scored position (OpenAI allows up to 20)
     */
    public record Judge(JudgeEndpoint.Api api, Duration timeout, Integer retries, Duration initialBackoff,
                        Duration maxBackoff, Duration maxRetryAfter, Integer capacity, Double ratePerSecond,
                        Duration acquireTimeout, Integer topLogprobs) {

        public Judge {
            api = api == null ? JudgeEndpoint.Api.CHAT : api;
            timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
            retries = retries == null ? 5 : retries;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
            maxRetryAfter = maxRetryAfter == null ? Duration.ofMinutes(2) : maxRetryAfter;
            capacity = capacity == null ? 256 : capacity;
            ratePerSecond = ratePerSecond == null ? 0.0 : ratePerSecond;
            acquireTimeout = acquireTimeout == null ? Duration.ofMinutes(30) : acquireTimeout;
            topLogprobs = topLogprobs == null ? 20 : topLogprobs;
        }
    }

    /**
     * @param consumers   listener threads (at most the topic's partitions are busy)
     * @param batchSize   requests taken per poll and labeled concurrently; offsets commit after the whole batch is stored
     * @param maxPollInterval how long one batch may take before Kafka hands the partitions to another consumer
     */
    public record Requests(Integer consumers, Integer batchSize, Duration maxPollInterval) {

        public Requests {
            consumers = consumers == null ? 3 : consumers;
            batchSize = batchSize == null ? 256 : batchSize;
            maxPollInterval = maxPollInterval == null ? Duration.ofMinutes(30) : maxPollInterval;
        }
    }

    /**
     * @param maxPairs  the most pairs one labeling job may hold
     * @param sourceDir the only directory {@code file:} sources may be read from; none when unset
     */
    public record Labelings(Integer maxPairs, java.nio.file.Path sourceDir) {

        public Labelings {
            maxPairs = maxPairs == null ? 100_000 : maxPairs;
        }
    }
}

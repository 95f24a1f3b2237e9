package dev.rlaif.reward;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the reward-service ({@code rlaif.reward.*} in {@code reward-service.yml}).
 *
 * @param scoring  dynamic batching of reward-model scoring
 * @param training the REWARD_MODEL stage
 * @param direct   direct-RLAIF scoring through the judge
 */
@ConfigurationProperties("rlaif.reward")
public record RewardProperties(Scoring scoring, Training training, Direct direct) {

    public RewardProperties {
        scoring = scoring == null ? new Scoring(null, null, null, null) : scoring;
        training = training == null ? new Training(null, null, null, null) : training;
        direct = direct == null ? new Direct(null, null, null) : direct;
    }

    /**
     * @param maxBatchSize  sequences per model forward pass (each item is one sequence)
     * @param maxWait       how long the first queued request waits for others to join its batch
     * @param timeout       how long a caller waits for its scores
     * @param cachedModels  reward models kept loaded at once (least recently used ones are closed)
     */
    public record Scoring(Integer maxBatchSize, Duration maxWait, Duration timeout, Integer cachedModels) {
        public Scoring {
            maxBatchSize = maxBatchSize == null ? 64 : maxBatchSize;
            maxWait = maxWait == null ? Duration.ofMillis(5) : maxWait;
            timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
            cachedModels = cachedModels == null ? 4 : cachedModels;
        }
    }

    /**
     * @param maxResponseTokens response tokens a reward model reads (longer responses are cut)
     * @param labelWait         how long the stage waits for this service's copy of the labels to reach the
     *                          count the LABEL stage reported
     * @param progressEvery     optimiser steps between progress events
     * @param staleAfter        a RUNNING attempt without a heartbeat for this long was orphaned by a crash or
     *                          restart; a redelivered command starts it again (longer than any pause between
     *                          steps, saving the checkpoint included)
     */
    public record Training(Integer maxResponseTokens, Duration labelWait, Integer progressEvery, Duration staleAfter) {
        public Training {
            staleAfter = staleAfter == null ? Duration.ofMinutes(15) : staleAfter;
            maxResponseTokens = maxResponseTokens == null ? 48 : maxResponseTokens;
            labelWait = labelWait == null ? Duration.ofMinutes(2) : labelWait;
            progressEvery = progressEvery == null ? 1 : progressEvery;
        }
    }

    /**
     * @param timeout per-attempt limit of one judge call
     * @param retries retries after the first attempt (429, 5xx, timeouts, malformed answers)
     * @param initialBackoff the first retry's wait, doubled per retry
     */
    public record Direct(Duration timeout, Integer retries, Duration initialBackoff) {
        public Direct {
            timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
            retries = retries == null ? 5 : retries;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        }
    }
}

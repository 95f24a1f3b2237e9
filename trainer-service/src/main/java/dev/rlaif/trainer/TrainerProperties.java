package dev.rlaif.trainer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Orchestration and training settings of the trainer-service.
 *
 * @param maxParallelRuns       runs executing at once on this replica; further runs wait as SUBMITTED
 * @param stageAttempts         attempts per stage before the run fails (1 = no automatic retry)
 * @param labelFailureTolerance share of pairs allowed to end unlabeled before LABEL fails
 * @param admissionInterval     how often SUBMITTED runs are admitted
 * @param rewardTimeout         how long an RL step waits for the reward-service's scores
 * @param workerThreads         threads running trainer-owned stages (SFT, SAMPLE, RL)
 */
@ConfigurationProperties("rlaif.trainer")
public record TrainerProperties(Integer maxParallelRuns, Integer stageAttempts, Double labelFailureTolerance,
                                Duration admissionInterval, Duration rewardTimeout, Integer workerThreads) {

    public TrainerProperties {
        maxParallelRuns = maxParallelRuns == null ? 2 : maxParallelRuns;
        stageAttempts = stageAttempts == null ? 1 : stageAttempts;
        labelFailureTolerance = labelFailureTolerance == null ? 0.05 : labelFailureTolerance;
        admissionInterval = admissionInterval == null ? Duration.ofMillis(500) : admissionInterval;
        rewardTimeout = rewardTimeout == null ? Duration.ofSeconds(120) : rewardTimeout;
        workerThreads = workerThreads == null ? 1 : workerThreads;
    }
}

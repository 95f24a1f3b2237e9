package dev.rlaif.reward.scoring;

import dev.rlaif.common.events.RewardEvent;
import dev.rlaif.common.events.RewardFailed;
import dev.rlaif.common.events.RewardRequested;
import dev.rlaif.common.events.RewardScored;
import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.kafka.Topics;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Scoring requests of the RL loop: {@code rlaif.reward.requests} to {@code rlaif.reward.results}, answered
 * once per request id (a redelivered request that was answered is skipped). A request that cannot be
 * scored (unknown run, no reward model yet, the judge failing after its retries) is answered with
 * {@link RewardFailed}; the listener runs one consumer per partition so requests of different runs are
 * scored concurrently and share model batches.
 */
@Component
public class RewardRequestsListener {

    private static final Logger log = LoggerFactory.getLogger(RewardRequestsListener.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final ScoringService scoring;
    private final ScoringRequestRepository requests;
    private final KafkaTemplate<String, Object> kafka;

    public RewardRequestsListener(ScoringService scoring, ScoringRequestRepository requests, KafkaTemplate<String, Object> kafka) {
        this.scoring = scoring;
        this.requests = requests;
        this.kafka = kafka;
    }

    @KafkaListener(id = "${spring.application.name}-scoring", topics = Topics.REWARD_REQUESTS,
            concurrency = "${rlaif.kafka.partitions:3}")
    public void on(RlaifEvent event) throws Exception {
        if (!(event instanceof RewardRequested request)) {
            return;
        }
        if (!requests.start(request.requestId(), request.runId())) {
            log.debug("Scoring request {} was answered before; redelivery ignored", request.requestId());
            return;
        }
        RewardEvent answer;
        try {
            var scores = scoring.score(request.runId(), request.items(), "kafka");
            answer = RewardScored.of(request.runId(), request.requestId(), scores.scores());
        } catch (RuntimeException e) {
            String reason = reason(e);
            log.warn("Scoring request {} of run {} failed: {}", request.requestId(), request.runId(), reason);
            answer = RewardFailed.of(request.runId(), request.requestId(), reason);
        }
        kafka.send(Topics.REWARD_RESULTS, answer.runId().toString(), answer).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        requests.answered(request.requestId());
    }

    /** What the requester reads: a problem's detail (as REST would show it), else the exception's message. */
    private static String reason(RuntimeException e) {
        if (e instanceof ErrorResponseException problem && problem.getBody().getDetail() != null) {
            return problem.getBody().getDetail();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}

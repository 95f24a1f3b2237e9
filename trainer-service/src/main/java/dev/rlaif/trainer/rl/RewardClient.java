package dev.rlaif.trainer.rl;

import dev.rlaif.common.events.RewardFailed;
import dev.rlaif.common.events.RewardRequested;
import dev.rlaif.common.events.RewardScored;
import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.events.ScoringItem;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.trainer.TrainerProperties;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Asks the reward-service for scores over Kafka and waits for the answer with the same request id.
 * Each trainer replica reads the results topic in a group of its own, from the moment its partitions
 * are assigned, so every replica sees the answers to its own requests.
 */
@Component
public class RewardClient implements ConsumerSeekAware {

    private final Map<UUID, CompletableFuture<List<Double>>> waiting = new ConcurrentHashMap<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final KafkaTemplate<String, Object> kafka;
    private final TrainerProperties settings;

    public RewardClient(KafkaTemplate<String, Object> kafka, TrainerProperties settings) {
        this.kafka = kafka;
        this.settings = settings;
    }

    public List<Double> score(UUID runId, List<ScoringItem> items) throws InterruptedException {
        if (!assigned.await(settings.rewardTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("reward results topic was never assigned to this trainer");
        }
        UUID requestId = UUID.randomUUID();
        CompletableFuture<List<Double>> answer = new CompletableFuture<>();
        waiting.put(requestId, answer);
        try {
            RewardRequested request = RewardRequested.of(runId, requestId, items);
            kafka.send(Topics.REWARD_REQUESTS, request.key(), request);
            List<Double> scores = answer.get(settings.rewardTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (scores.size() != items.size()) {
                throw new IllegalStateException("reward-service returned " + scores.size() + " scores for " + items.size() + " items");
            }
            return scores;
        } catch (TimeoutException e) {
            throw new IllegalStateException("no reward from the reward-service within " + settings.rewardTimeout(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reward-service failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            waiting.remove(requestId);
        }
    }

    @KafkaListener(id = "trainer-reward-results", topics = Topics.REWARD_RESULTS,
            groupId = "trainer-rewards-#{T(java.util.UUID).randomUUID()}", properties = "auto.offset.reset=latest")
    public void on(RlaifEvent event) {
        switch (event) {
            case RewardScored scored -> complete(scored.requestId()).ifPresent(f -> f.complete(scored.scores()));
            case RewardFailed failed -> complete(failed.requestId()).ifPresent(f -> f.completeExceptionally(new IllegalStateException(failed.reason())));
            default -> { }
        }
    }

    private java.util.Optional<CompletableFuture<List<Double>>> complete(UUID requestId) {
        return java.util.Optional.ofNullable(waiting.get(requestId));
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToEnd(assignments.keySet());
        assigned.countDown();
    }
}

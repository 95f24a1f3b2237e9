package dev.rlaif.trainer.orchestration;

import dev.rlaif.common.events.LabelProduced;
import dev.rlaif.common.events.LabelRequested;
import dev.rlaif.common.events.RewardRequested;
import dev.rlaif.common.events.RewardScored;
import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.events.RunProgress;
import dev.rlaif.common.events.ScoringItem;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.events.StageCompleted;
import dev.rlaif.common.events.StageRequested;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.testbed.tasks.Task;
import dev.rlaif.testsupport.Infrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labeler, reward and eval services as the trainer sees them at the Kafka boundary: labels are the
 * simulated humans' preference, rewards the testbed's gold utility, and the REWARD_MODEL and EVALUATE
 * stages complete at once. It lets the trainer's state machine be specified on its own.
 */
final class CounterpartServices implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaTemplate<String, Object> kafka;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Thread loop;
    private final Map<UUID, Integer> labelRequests = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> rewardRequests = new ConcurrentHashMap<>();
    private final List<RunProgress> progress = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    CounterpartServices(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "counterparts-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.LABEL_REQUESTS, Topics.STAGE_COMMANDS, Topics.REWARD_REQUESTS, Topics.RUN_PROGRESS));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        this.loop = Thread.ofPlatform().name("counterparts").start(this::serve);
    }

    private void serve() {
        while (running) {
            for (var record : consumer.poll(Duration.ofMillis(100))) {
                answer(json.readValue(record.value(), RlaifEvent.class));
            }
        }
        consumer.close();
    }

    private void answer(RlaifEvent event) {
        switch (event) {
            case LabelRequested request -> {
                labelRequests.merge(request.runId(), 1, Integer::sum);
                double preference = request.humanPreference() == null ? 0.5 : request.humanPreference();
                var label = LabelProduced.of(request.runId(), request.pairId(), request.prompt(), request.responseA(),
                        request.responseB(), preference, request.humanPreference(), 2, 100, 1);
                kafka.send(Topics.LABEL_RESULTS, label.key(), label);
            }
            case StageRequested command when command.stage() == Stage.REWARD_MODEL || command.stage() == Stage.EVALUATE -> {
                var done = StageCompleted.of(command.runId(), command.stage(), command.attempt(), Map.of("counterpart", 1.0), Map.of());
                kafka.send(Topics.STAGE_EVENTS, done.key(), done);
            }
            case RewardRequested request -> {
                rewardRequests.merge(request.runId(), 1, Integer::sum);
                List<Double> scores = request.items().stream().map(CounterpartServices::goldReward).toList();
                var scored = RewardScored.of(request.runId(), request.requestId(), scores);
                kafka.send(Topics.REWARD_RESULTS, scored.key(), scored);
            }
            case RunProgress step -> progress.add(step);
            default -> { }
        }
    }

    /** Every progress event seen, in arrival order. */
    List<RunProgress> progress() {
        return List.copyOf(progress);
    }

    private static double goldReward(ScoringItem item) {
        return Task.SYNTHSUMM.goldUtility(item.prompt(), item.response());
    }

    int labelRequests(UUID runId) {
        return labelRequests.getOrDefault(runId, 0);
    }

    int rewardRequests(UUID runId) {
        return rewardRequests.getOrDefault(runId, 0);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        loop.join();
    }
}

package dev.rlaif.trainer.outbox;

import dev.rlaif.common.events.RlaifEvent;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends recorded events to Kafka in order and marks them published. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several trainer replicas can run this side by side; a crash after
 * the send and before the mark re-sends the event with the same id, which consumers ignore.
 */
@Component
public class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private record Pending(long id, String topic, String key, String payload) {
    }

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, Object> kafka;
    private final JsonMapper json;
    private final OutboxProperties settings;

    public OutboxPublisher(JdbcClient jdbc, KafkaTemplate<String, Object> kafka, JsonMapper json, OutboxProperties settings) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.json = json;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${rlaif.outbox.poll-interval:100ms}")
    @Transactional
    public void publishPending() {
        List<Pending> batch = jdbc.sql("""
                        SELECT id, topic, message_key, payload::text AS payload FROM outbox
                        WHERE published_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("limit", settings.batchSize())
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"), rs.getString("payload")))
                .list();
        for (Pending event : batch) {
            try {
                kafka.send(event.topic(), event.key(), json.readValue(event.payload(), RlaifEvent.class)).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.warn("Publishing outbox event {} to {} failed; it stays pending: {}", event.id(), event.topic(), e.toString());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            jdbc.sql("UPDATE outbox SET published_at = now() WHERE id = :id").param("id", event.id()).update();
        }
    }
}

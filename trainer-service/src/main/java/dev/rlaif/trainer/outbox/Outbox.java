package dev.rlaif.trainer.outbox;

import dev.rlaif.common.events.RlaifEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the same transaction as the state change it announces. Recording the same
 * event id twice is a no-op, so a retried command never publishes twice.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String topic, RlaifEvent event) {
        jdbc.sql("""
                        INSERT INTO outbox (event_id, topic, message_key, payload)
                        VALUES (:eventId, :topic, :key, CAST(:payload AS jsonb))
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", event.eventId())
                .param("topic", topic)
                .param("key", event.key())
                .param("payload", json.writeValueAsString(event))
                .update();
    }
}

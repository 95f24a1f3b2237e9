package dev.rlaif.common.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes records that could not be processed to {@code <topic>.DLT}, same partition, with the
 * exception class, message and stack trace in the {@code kafka_dlt-*} headers. A record that did not
 * even deserialize is forwarded as its original bytes; anything else as JSON.
 */
public final class DeadLetters implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> rawProducers;
    private final DeadLetterPublishingRecoverer recoverer;

    DeadLetters(Map<String, Object> producerProperties, KafkaTemplate<String, Object> jsonTemplate) {
        this.rawProducers = new DefaultKafkaProducerFactory<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, new KafkaTemplate<>(rawProducers));
        templates.put(Object.class, jsonTemplate);
        this.recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
    }

    public DeadLetterPublishingRecoverer recoverer() {
        return recoverer;
    }

    @Override
    public void destroy() {
        rawProducers.destroy();
    }
}

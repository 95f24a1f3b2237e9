package dev.rlaif.common.kafka;

import dev.rlaif.common.events.RlaifEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka as every service uses it: JSON values through Jackson 3 with the {@code type} property of
 * {@link RlaifEvent} (no Java type headers, so any service can read any event), every topic and its
 * dead-letter twin created on start, bounded retries with exponential back-off, then the dead-letter topic.
 * A value that is not valid JSON fails in the {@link ErrorHandlingDeserializer} and goes straight to the DLT.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(RlaifKafkaProperties.class)
public class RlaifKafkaConfiguration {

    /** Events are read leniently (a newer producer may add fields); REST input stays strict. */
    static JsonMapper eventMapper(ObjectProvider<JsonMapper> applicationMapper) {
        JsonMapper base = applicationMapper.getIfAvailable(() -> JsonMapper.builder().build());
        return base.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @Bean
    @Primary
    ProducerFactory<String, Object> rlaifProducerFactory(KafkaProperties kafka, ObjectProvider<JsonMapper> mapper) {
        JacksonJsonSerializer<Object> values = new JacksonJsonSerializer<>(eventMapper(mapper));
        values.setAddTypeInfo(false);
        return new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(), values);
    }

    @Bean
    @Primary
    KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producers) {
        return new KafkaTemplate<>(producers);
    }

    @Bean
    ConsumerFactory<String, RlaifEvent> rlaifConsumerFactory(KafkaProperties kafka, ObjectProvider<JsonMapper> mapper) {
        var values = new JacksonJsonDeserializer<RlaifEvent>(RlaifEvent.class, eventMapper(mapper), false);
        return new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(), new StringDeserializer(),
                new ErrorHandlingDeserializer<>(values));
    }

    @Bean
    DeadLetters deadLetters(KafkaProperties kafka, KafkaTemplate<String, Object> kafkaTemplate) {
        return new DeadLetters(kafka.buildProducerProperties(), kafkaTemplate);
    }

    @Bean
    DefaultErrorHandler rlaifErrorHandler(DeadLetters deadLetters, RlaifKafkaProperties settings) {
        var backOff = new ExponentialBackOff(settings.retryBackoff().toMillis(), 2.0);
        backOff.setMaxAttempts(settings.retries());
        return new DefaultErrorHandler(deadLetters.recoverer(), backOff);
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, RlaifEvent> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<String, RlaifEvent> consumers,
            DefaultErrorHandler errorHandler) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, RlaifEvent>();
        configurer.configure((ConcurrentKafkaListenerContainerFactory) factory, (ConsumerFactory) consumers);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }

    @Bean
    KafkaAdmin.NewTopics rlaifTopics(RlaifKafkaProperties settings) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, settings.partitions(), settings.replicationFactor()));
            topics.add(new NewTopic(Topics.deadLetter(topic), settings.partitions(), settings.replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}

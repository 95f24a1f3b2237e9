package dev.rlaif.labeler.labels;

import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.labeler.LabelerProperties;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** Label requests are consumed in batches, so that a batch's pairs are labeled concurrently. */
@Configuration(proxyBeanMethods = false)
class LabelRequestsConfiguration {

    static final String CONTAINER_FACTORY = "labelRequestsContainerFactory";

    @Bean(CONTAINER_FACTORY)
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, RlaifEvent> labelRequestsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<String, RlaifEvent> consumers,
            DefaultErrorHandler errorHandler,
            LabelerProperties properties) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, RlaifEvent>();
        configurer.configure((ConcurrentKafkaListenerContainerFactory) factory, (ConsumerFactory) consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(properties.requests().consumers());
        factory.setCommonErrorHandler(errorHandler);
        var consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.requests().batchSize());
        consumerProperties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) properties.requests().maxPollInterval().toMillis());
        factory.getContainerProperties().setKafkaConsumerProperties(consumerProperties);
        return factory;
    }
}

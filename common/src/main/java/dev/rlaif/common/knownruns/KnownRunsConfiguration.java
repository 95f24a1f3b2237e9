package dev.rlaif.common.knownruns;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turned on with {@code rlaif.known-runs.enabled=true} by every service that does not own runs
 * (labeler, reward, eval); the service adds {@code classpath:db/migration/common} to its Flyway locations.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "rlaif.known-runs.enabled", havingValue = "true")
@Import(KnownRunsController.class)
public class KnownRunsConfiguration {

    @Bean
    KnownRunRepository knownRunRepository(JdbcClient jdbc, ObjectProvider<JsonMapper> json) {
        return new KnownRunRepository(jdbc, json.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    @Bean
    KnownRunsListener knownRunsListener(KnownRunRepository runs) {
        return new KnownRunsListener(runs);
    }
}

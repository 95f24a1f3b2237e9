package dev.rlaif.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's context at the shared test {@link Infrastructure}. The service's own
 * {@code application.yml} composes {@code spring.datasource.url} from {@code rlaif.db.url} and its schema.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure.Database db = Infrastructure.database();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("rlaif-test-infrastructure", Map.of(
                "spring.kafka.bootstrap-servers", Infrastructure.kafkaBootstrapServers(),
                "rlaif.db.url", db.jdbcUrl(),
                "spring.datasource.username", db.username(),
                "spring.datasource.password", db.password())));
    }
}

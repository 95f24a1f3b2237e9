package dev.rlaif.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml parses and wires Kafka, PostgreSQL and the four services as documented. */
class DockerComposeTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Map<String, Integer> PORTS = Map.of(
            "labeler-service", 8081, "reward-service", 8082, "trainer-service", 8083, "eval-service", 8084);

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceIsBuiltHealthCheckedAndWaitsForHealthyInfrastructure() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).containsOnlyKeys("kafka", "postgres", "labeler-service", "reward-service", "trainer-service", "eval-service");
        assertThat(services.get("kafka")).containsKey("healthcheck");
        assertThat(services.get("postgres")).containsKey("healthcheck");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey("artifacts");

        PORTS.forEach((name, port) -> {
            Map<String, Object> service = services.get(name);
            assertThat(service.get("build")).isEqualTo("./" + name);
            assertThat(Files.exists(Path.of("..", name, "Dockerfile"))).as("%s/Dockerfile", name).isTrue();
            assertThat(service).containsKey("healthcheck");
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(env.get("SERVER_PORT")).isEqualTo(port);
            assertThat(env).containsKeys("RLAIF_DB_URL", "RLAIF_DB_PASSWORD", "RLAIF_KAFKA_BOOTSTRAP");
            assertThat((List<String>) service.get("ports")).containsExactly(port + ":" + port);
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
            assertThat(dependsOn.get("kafka").get("condition")).isEqualTo("service_healthy");
            assertThat(dependsOn.get("postgres").get("condition")).isEqualTo("service_healthy");
            assertThat((List<String>) service.get("volumes")).contains("artifacts:/artifacts");
        });
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        assumeTrue(KubernetesManifestsTest.onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        ProcessBuilder check = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config", "-q").redirectErrorStream(true);
        check.environment().put("RLAIF_DB_PASSWORD", "compose-check");
        Process process = check.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("docker-compose config -q: %s", output).isZero();
    }

    @Test
    void theDatabasePasswordMustComeFromTheEnvironment() throws Exception {
        assumeTrue(KubernetesManifestsTest.onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        ProcessBuilder check = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config", "-q").redirectErrorStream(true);
        check.environment().remove("RLAIF_DB_PASSWORD");
        Process process = check.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isNotZero();
        assertThat(output).contains("RLAIF_DB_PASSWORD");
    }
}

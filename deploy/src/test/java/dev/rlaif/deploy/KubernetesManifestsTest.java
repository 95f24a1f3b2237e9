package dev.rlaif.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The kustomizations render and every manifest is valid against the typed Kubernetes models. */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("..", "k8s");
    private static final Set<String> SERVICES = Set.of("labeler-service", "reward-service", "trainer-service", "eval-service");
    private final ManifestValidator validator = new ManifestValidator();

    @Test
    void theBaseRendersToValidManifestsForAllFourServices() throws Exception {
        List<HasMetadata> resources = validator.validate(render(K8S.resolve("base")));

        assertThat(names(resources, Deployment.class)).isEqualTo(SERVICES);
        assertThat(names(resources, Service.class)).isEqualTo(SERVICES);
        assertThat(names(resources, ConfigMap.class)).containsExactly("rlaif-config");
        assertThat(names(resources, Secret.class)).containsExactly("rlaif-secrets");
        for (Deployment deployment : of(resources, Deployment.class)) {
            assertServiceDeployment(deployment, resources);
        }
    }

    @Test
    void theDevOverlayAddsNamespaceKafkaAndPostgresAndTagsImages() throws Exception {
        List<HasMetadata> resources = validator.validate(render(K8S.resolve("overlays/dev")));

        assertThat(resources).allSatisfy(resource -> {
            if (!resource.getKind().equals("Namespace")) {
                assertThat(resource.getMetadata().getNamespace()).isEqualTo("rlaif-dev");
            }
        });
        assertThat(resources).extracting(HasMetadata::getKind).contains("Namespace", "StatefulSet");
        assertThat(names(resources, Service.class)).contains("kafka", "postgres");
        for (Deployment deployment : of(resources, Deployment.class)) {
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).endsWith(":dev");
        }
    }

    @Test
    void theValidatorRejectsUnknownFieldsWrongTypesAndUnknownKinds() {
        String unknownField = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: x
                  lables: {a: b}
                data: {k: v}
                """;
        String wrongType = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: many
                """;
        String unknownKind = """
                apiVersion: v1
                kind: Deploymint
                metadata: {name: x}
                """;
        assertThatThrownBy(() -> validator.validate(unknownField)).hasMessageContaining("metadata.lables");
        assertThatThrownBy(() -> validator.validate(wrongType)).hasMessageContaining("Invalid manifest");
        assertThatThrownBy(() -> validator.validate(unknownKind)).hasMessageContaining("Unknown kind");
    }

    private static void assertServiceDeployment(Deployment deployment, List<HasMetadata> resources) {
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(container.getStartupProbe()).isNotNull();
        int port = container.getPorts().getFirst().getContainerPort();
        assertThat(container.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("SERVER_PORT");
            assertThat(env.getValue()).isEqualTo(Integer.toString(port));
        });
        Set<String> configMaps = names(resources, ConfigMap.class);
        Set<String> secrets = names(resources, Secret.class);
        container.getEnvFrom().forEach(source -> {
            if (source.getConfigMapRef() != null) {
                assertThat(configMaps).contains(source.getConfigMapRef().getName());
            }
            if (source.getSecretRef() != null) {
                assertThat(secrets).contains(source.getSecretRef().getName());
            }
        });
        Service service = of(resources, Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(deployment.getMetadata().getName())).findFirst().orElseThrow();
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts().getFirst().getPort()).isEqualTo(port);
    }

    /** {@code kubectl kustomize} where kubectl is installed; otherwise the kustomization's plain resources. */
    static String render(Path dir) throws IOException, InterruptedException {
        if (onPath("kubectl")) {
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("kubectl kustomize %s: %s", dir, output).isZero();
            return output;
        }
        return plainResources(dir);
    }

    @SuppressWarnings("unchecked")
    private static String plainResources(Path dir) throws IOException {
        Map<String, Object> kustomization = new Yaml().load(Files.readString(dir.resolve("kustomization.yaml")));
        List<String> documents = new ArrayList<>();
        for (String resource : (List<String>) kustomization.get("resources")) {
            Path path = dir.resolve(resource);
            documents.add(Files.isDirectory(path) ? plainResources(path) : Files.readString(path));
        }
        return String.join("\n---\n", documents);
    }

    static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static <T extends HasMetadata> List<T> of(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Set<String> names(List<HasMetadata> resources, Class<? extends HasMetadata> type) {
        return of(resources, type).stream().map(r -> r.getMetadata().getName()).collect(Collectors.toSet());
    }

}

package dev.rlaif.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads Kubernetes manifests into fabric8's typed models and rejects what a typed API server would:
 * unknown kinds, values of the wrong type, and fields the schema does not have (fabric8 keeps those
 * in {@code additionalProperties}, so every object of the tree is checked for leftovers).
 */
final class ManifestValidator {

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    List<HasMetadata> validate(String multiDocumentYaml) {
        List<HasMetadata> resources = new ArrayList<>();
        for (Object document : new Yaml().loadAll(multiDocumentYaml)) {
            if (document == null) {
                continue;
            }
            String single = new Yaml().dump(document);
            Object parsed;
            try {
                parsed = serialization.unmarshal(single);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Invalid manifest: " + rootCause(e) + "\n" + single, e);
            }
            if (!(parsed instanceof HasMetadata resource) || parsed instanceof GenericKubernetesResource) {
                throw new IllegalArgumentException("Unknown kind in manifest:\n" + single);
            }
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(resource, resource.getKind(), unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException(resource.getKind() + "/" + resource.getMetadata().getName()
                        + " has fields its schema does not know: " + unknown);
            }
            resources.add(resource);
        }
        return resources;
    }

    private static void collectUnknownFields(Object node, String path, List<String> unknown, Set<Object> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                collectUnknownFields(value, path + "." + decapitalize(getter.getName().substring(3)), unknown, seen);
            }
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}

package dev.rlaif.common.artifacts;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code rlaif.artifacts.dir}: the artifact store's root directory (env {@code RLAIF_ARTIFACTS_DIR}). */
@ConfigurationProperties("rlaif.artifacts")
public record ArtifactProperties(Path dir) {

    public ArtifactProperties {
        dir = dir == null ? Path.of(System.getProperty("java.io.tmpdir"), "rlaif-artifacts") : dir;
    }
}

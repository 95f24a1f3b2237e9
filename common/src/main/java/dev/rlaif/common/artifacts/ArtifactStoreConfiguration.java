package dev.rlaif.common.artifacts;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@EnableConfigurationProperties(ArtifactProperties.class)
public class ArtifactStoreConfiguration {

    @Bean
    ArtifactStore artifactStore(ArtifactProperties properties) {
        return new ArtifactStore(properties.dir());
    }
}

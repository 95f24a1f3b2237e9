package dev.rlaif.labeler;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The labeler-service: AI preference labels through the judge. */
@SpringBootApplication
@EnableConfigurationProperties(LabelerProperties.class)
public class LabelerApplication {

    /** The configuration file is {@code labeler-service.yml}, so that all four services can share one JVM in {@code local}. */
    public static final String CONFIG_NAME = "labeler-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(LabelerApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

package dev.rlaif.eval;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The eval-service: win-rate evaluations and the dashboard. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EvalApplication {

    /** The configuration file is {@code eval-service.yml}, so that all four services can share one JVM in {@code local}. */
    public static final String CONFIG_NAME = "eval-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(EvalApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

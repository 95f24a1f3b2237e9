package dev.rlaif.trainer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The trainer-service: the Runs API, run orchestration, SFT, sampling and RL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TrainerApplication {

    /** The configuration file is {@code trainer-service.yml}, so that all four services can share one JVM in {@code local}. */
    public static final String CONFIG_NAME = "trainer-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(TrainerApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

package dev.rlaif.reward;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The reward-service: reward models distilled from AI labels and reward scoring. */
@SpringBootApplication
public class RewardApplication {

    /** The configuration file is {@code reward-service.yml}, so that all four services can share one JVM in {@code local}. */
    public static final String CONFIG_NAME = "reward-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(RewardApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

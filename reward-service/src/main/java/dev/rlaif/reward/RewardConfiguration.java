package dev.rlaif.reward;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RewardProperties.class)
class RewardConfiguration {

    /** One reward model trains at a time per replica: training saturates the CPU (or the GPU) by itself. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService rewardTrainingExecutor() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("reward-training-", 0).daemon().factory());
    }
}

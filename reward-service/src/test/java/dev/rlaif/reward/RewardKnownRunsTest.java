package dev.rlaif.reward;

import dev.rlaif.testsupport.KnownRunsSliceSpec;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "spring.config.name=" + RewardApplication.CONFIG_NAME)
class RewardKnownRunsTest extends KnownRunsSliceSpec {
}

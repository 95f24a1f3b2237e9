package dev.rlaif.eval;

import dev.rlaif.testsupport.KnownRunsSliceSpec;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "spring.config.name=" + EvalApplication.CONFIG_NAME)
class EvalKnownRunsTest extends KnownRunsSliceSpec {
}

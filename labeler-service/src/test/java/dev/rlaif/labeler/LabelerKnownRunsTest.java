package dev.rlaif.labeler;

import dev.rlaif.testsupport.KnownRunsSliceSpec;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "spring.config.name=" + LabelerApplication.CONFIG_NAME)
class LabelerKnownRunsTest extends KnownRunsSliceSpec {
}

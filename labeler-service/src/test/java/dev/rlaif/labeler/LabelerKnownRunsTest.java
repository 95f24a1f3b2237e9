package dev.rlaif.labeler;

import dev.rlaif.testsupport.KnownRunsSliceSpec;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = LabelerTestConfig.CONFIG_NAMES)
class LabelerKnownRunsTest extends KnownRunsSliceSpec {
}

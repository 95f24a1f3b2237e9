package dev.rlaif.labeler;

/** Every integration test of the service uses these configuration names, so that they share one Spring context. */
public final class LabelerTestConfig {

    /** {@code labeler-service.yml}, then the test overrides in {@code labeler-service-test.yml}. */
    public static final String CONFIG_NAMES = "spring.config.name=" + LabelerApplication.CONFIG_NAME + ",labeler-service-test";

    private LabelerTestConfig() {
    }
}

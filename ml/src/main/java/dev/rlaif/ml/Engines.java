package dev.rlaif.ml;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/**
 * Starts DJL's PyTorch engine offline, with explicit thread counts, and picks the device.
 *
 * <p>Thread counts are read once by libtorch when the engine starts (DJL-NOTES), so {@link
 * #configure} must run before the first {@link #engine()} call to take effect.
 */
public final class Engines {

    /** Environment knobs for the engine; {@code 0} threads means libtorch's default. */
    public record Settings(int intraOpThreads, int interOpThreads, String device) {

        public static Settings fromEnvironment() {
            return new Settings(
                    intSetting("rlaif.ml.threads", "RLAIF_ML_THREADS", 0),
                    intSetting("rlaif.ml.interop-threads", "RLAIF_ML_INTEROP_THREADS", 0),
                    stringSetting("rlaif.ml.device", "RLAIF_ML_DEVICE", "auto"));
        }
    }

    private static volatile boolean configured;

    private Engines() {}

    /** Applies settings before the engine starts; later calls only change the device choice. */
    public static synchronized void configure(Settings settings) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        if (settings.intraOpThreads() > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(settings.intraOpThreads()));
        }
        if (settings.interOpThreads() > 0) {
            System.setProperty(
                    "ai.djl.pytorch.num_interop_threads", Integer.toString(settings.interOpThreads()));
        }
        System.setProperty("rlaif.ml.device", settings.device());
        configured = true;
    }

    public static Engine engine() {
        if (!configured) {
            configure(Settings.fromEnvironment());
        }
        return Engine.getEngine("PyTorch");
    }

    /** {@code cuda} when the engine sees a GPU and the setting allows it, otherwise the CPU. */
    public static Device device() {
        var engine = engine();
        String choice = System.getProperty("rlaif.ml.device", "auto");
        return switch (choice) {
            case "cpu" -> Device.cpu();
            case "cuda", "gpu" -> Device.gpu();
            default -> engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
        };
    }

    public static NDManager newManager() {
        return engine().newBaseManager(device());
    }

    /**
     * Turns autograd recording off for the calling thread. libtorch's grad mode is per thread and on
     * by default in threads other than the engine's own, so a forward pass on a worker thread would
     * otherwise build a graph nobody uses. Gradient collectors turn it on for their scope.
     */
    public static void withoutGradients() {
        engine();
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }

    /** Seeds libtorch's generator (dropout); our own weight init and sampling use {@code Rng}. */
    public static void seed(long seed) {
        engine().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    private static int intSetting(String property, String env, int fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static String stringSetting(String property, String env, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}

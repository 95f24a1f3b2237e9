package dev.rlaif.testbed.judgesim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An OpenAI-compatible judge simulator: an HTTP server, one virtual thread per request. Start it in
 * a test with {@code try (var sim = JudgeSimulator.start(JudgeSimulatorConfig.defaults()))} and point
 * the client at {@link #baseUrl()}; or run {@code java -jar judge-sim.jar --port N}.
 */
public final class JudgeSimulator implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final OpenAiEndpoints endpoints;
    private final JudgeSimulatorConfig config;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JudgeSimulator(HttpServer server, ExecutorService executor, OpenAiEndpoints endpoints,
            JudgeSimulatorConfig config) {
        this.server = server;
        this.executor = executor;
        this.endpoints = endpoints;
        this.config = config;
    }

    /** Starts on the loopback interface. */
    public static JudgeSimulator start(JudgeSimulatorConfig config) {
        return start(config, InetAddress.getLoopbackAddress());
    }

    /** Starts on the given interface (the standalone jar binds all interfaces). */
    public static JudgeSimulator start(JudgeSimulatorConfig config, InetAddress bindAddress) {
        OpenAiEndpoints endpoints = new OpenAiEndpoints(config);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, config.port()), 512);
            server.createContext("/", endpoints);
            server.setExecutor(executor);
            server.start();
            return new JudgeSimulator(server, executor, endpoints, config);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("could not start the judge simulator on port " + config.port(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>/v1}: the base URL an OpenAI client takes. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** HTTP requests received so far, faulted and rejected ones included. */
    public long requestCount() {
        return endpoints.requestCount();
    }

    /** Completion calls being served right now (holding a concurrency slot, if there is a limit). */
    public long inProgress() {
        return endpoints.inProgress();
    }

    /** The model id {@code GET /v1/models} lists: {@code judge-sim-<size>} (any model name is accepted). */
    public String modelId() {
        return endpoints.modelId();
    }

    public JudgeSimulatorConfig config() {
        return config;
    }

    /** Stops at once: calls in progress (a hanging timeout fault included) lose their connection. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
    }
}

package dev.rlaif.judge.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny OpenAI-shaped HTTP server for pinning wire behaviour: each request takes the next scripted
 * {@link Reply}; when the script is empty, {@code fallback} answers from the request body.
 */
public final class ScriptedOpenAiServer implements AutoCloseable {

    /** One scripted answer. */
    public record Reply(int status, Map<String, String> headers, String body, boolean hangs, boolean gated) {

        public static Reply ok(String body) {
            return new Reply(200, Map.of(), body, false, false);
        }

        public static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, headers, "{\"error\":{\"message\":\"scripted " + status + "\"}}", false, false);
        }

        /** Never answers until the server closes: the client must time out. */
        public static Reply hang() {
            return new Reply(200, Map.of(), "", true, false);
        }

        /** Answers {@code body} once {@link #openGate()} is called. */
        public static Reply afterGate(String body) {
            return new Reply(200, Map.of(), body, false, true);
        }
    }

    /** One received request. */
    public record Received(String path, String body, Map<String, List<String>> headers) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Function<String, String> fallback;

    public ScriptedOpenAiServer(Function<String, String> fallback) throws IOException {
        this.fallback = fallback;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public ScriptedOpenAiServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public void answerWith(Function<String, String> answer) {
        this.fallback = answer;
    }

    public List<Received> received() {
        return received;
    }

    public int requestCount() {
        return received.size();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public void openGate() {
        gate.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), body, Map.copyOf(exchange.getRequestHeaders())));
            Reply reply = script.poll();
            if (reply == null) {
                reply = Reply.ok(fallback.apply(body));
            }
            if (reply.hangs()) {
                closed.await();
                return;
            }
            if (reply.gated()) {
                gate.await();
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        gate.countDown();
        server.stop(0);
    }
}

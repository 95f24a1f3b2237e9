package dev.rlaif.testbed.judgesim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.rlaif.testbed.Seeds;
import dev.rlaif.testbed.judgesim.SimulatedJudge.Answer;
import dev.rlaif.testbed.judgesim.SimulatedJudge.FreeText;
import dev.rlaif.testbed.judgesim.SimulatedJudge.SingleToken;
import dev.rlaif.testbed.judgesim.SimulatedJudge.TokenLogprob;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAI API subset LLM judges use, served over the JDK's HTTP server; faults and limits included. */
final class OpenAiEndpoints implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(OpenAiEndpoints.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+");
    private static final long FAULT_SALT = 0x0FA17L;
    private static final long LATENCY_SALT = 0x1A7E;

    private final JudgeSimulatorConfig config;
    private final SimulatedJudge judge;
    private final Semaphore slots;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong completionCalls = new AtomicLong();
    private final AtomicLong inProgress = new AtomicLong();

    OpenAiEndpoints(JudgeSimulatorConfig config) {
        this.config = config;
        this.judge = new SimulatedJudge(config);
        this.slots = config.concurrencyLimit() > 0 ? new Semaphore(config.concurrencyLimit(), true) : null;
    }

    long requestCount() {
        return requests.get();
    }

    long inProgress() {
        return inProgress.get();
    }

    String modelId() {
        return "judge-sim-" + config.size().label();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/v1/models" -> {
                    if (requireMethod(exchange, method, "GET")) {
                        sendJson(exchange, 200, models());
                    }
                }
                case "/v1/chat/completions", "/v1/completions" -> {
                    if (requireMethod(exchange, method, "POST")) {
                        complete(exchange, path.equals("/v1/chat/completions"));
                    }
                }
                default -> {
                    if (path.startsWith("/v1/models/") && method.equals("GET")) {
                        sendJson(exchange, 200, model(path.substring("/v1/models/".length())));
                    } else {
                        sendError(exchange, 404, "Unknown request URL: " + method + " " + path + ".",
                                "invalid_request_error", null, "unknown_url");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void complete(HttpExchange exchange, boolean chat) throws IOException, InterruptedException {
        long call = completionCalls.getAndIncrement();
        byte[] raw = readBody(exchange);
        Fault fault = faultFor(call);
        if (fault == Fault.HTTP_429) {
            sendRateLimited(exchange, "Rate limit reached (injected fault).");
            return;
        }
        if (slots != null) {
            if (config.overloadMode() == OverloadMode.REJECT_429) {
                if (!slots.tryAcquire()) {
                    sendRateLimited(exchange, "Too many concurrent requests: the limit is " + config.concurrencyLimit()
                            + ".");
                    return;
                }
            } else {
                slots.acquire();
            }
        }
        inProgress.incrementAndGet();
        try {
            long latency = config.latencyDistribution().draw(config.latencyMs(),
                    Seeds.random(Seeds.key(config.seed() ^ LATENCY_SALT, call)));
            if (latency > 0) {
                Thread.sleep(latency);
            }
            switch (fault) {
                case HTTP_500 -> sendError(exchange, 500, "The judge simulator had an internal error (injected fault).",
                        "server_error", null, null);
                case TIMEOUT -> {
                    // hang, then drop the connection without a response: what a stuck server looks like
                    Thread.sleep(config.timeoutMs());
                    log.debug("call {}: dropping the connection after an injected timeout", call);
                }
                case MALFORMED_JSON -> sendBody(exchange, 200, malformed(chat));
                default -> answer(exchange, chat, raw, fault == Fault.MISSING_LOGPROBS);
            }
        } finally {
            inProgress.decrementAndGet();
            if (slots != null) {
                slots.release();
            }
        }
    }

    private void answer(HttpExchange exchange, boolean chat, byte[] raw, boolean dropLogprobs) throws IOException {
        CompletionRequest request;
        try {
            request = CompletionRequest.parse(JSON.readTree(raw), chat);
        } catch (JacksonException e) {
            sendError(exchange, 400, "We could not parse the JSON body of your request.", "invalid_request_error",
                    null, null);
            return;
        } catch (CompletionRequest.InvalidRequest e) {
            sendError(exchange, 400, e.getMessage(), "invalid_request_error", e.param(), null);
            return;
        }
        String bodyText = new String(raw, StandardCharsets.UTF_8);
        ObjectNode response = JSON.createObjectNode();
        String id = Long.toHexString(Seeds.key(config.seed(), bodyText)).replace('-', '0');
        response.put("id", (chat ? "chatcmpl-" : "cmpl-") + id);
        response.put("object", chat ? "chat.completion" : "text_completion");
        response.put("created", System.currentTimeMillis() / 1000);
        response.put("model", request.model());
        response.put("system_fingerprint", "fp_" + modelId());
        ArrayNode choices = response.putArray("choices");
        long completionTokens = 0;
        long promptTokens = 0;
        int index = 0;
        for (int p = 0; p < request.prompts().size(); p++) {
            String prompt = request.prompts().get(p);
            promptTokens += countTokens(prompt);
            for (int i = 0; i < request.n(); i++) {
                SplittableRandom rng = Seeds.random(Seeds.key(config.seed(), bodyText, Integer.toString(p),
                        Integer.toString(i), String.valueOf(request.seed())));
                Answer answer = judge.answer(prompt, request.temperature(), rng);
                Generated g = generate(answer, request, rng);
                completionTokens += g.tokens().size();
                choices.add(chat ? chatChoice(index, g, request, dropLogprobs)
                        : completionChoice(index, g, request, dropLogprobs));
                index++;
            }
        }
        ObjectNode usage = response.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        sendJson(exchange, 200, response);
    }

    /** One generated token with its logprob and the alternatives at that position. */
    private record GeneratedToken(String token, double logprob, List<TokenLogprob> alternatives) {
    }

    private record Generated(String text, List<GeneratedToken> tokens, String finishReason) {
    }

    private static Generated generate(Answer answer, CompletionRequest request, SplittableRandom rng) {
        List<GeneratedToken> tokens = new ArrayList<>();
        if (answer instanceof SingleToken(List<TokenLogprob> distribution)) {
            TokenLogprob chosen = request.temperature() <= 0 ? distribution.getFirst()
                    : sample(distribution, request.temperature(), rng);
            tokens.add(new GeneratedToken(chosen.token(), chosen.logprob(), distribution));
        } else if (answer instanceof FreeText(String text)) {
            double lp = request.temperature() <= 0 ? -0.01 : -0.35;
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                String t = m.group();
                tokens.add(new GeneratedToken(t, lp, List.of(new TokenLogprob(t, lp),
                        new TokenLogprob(" the", lp - 3.0), new TokenLogprob(".", lp - 3.5),
                        new TokenLogprob(" and", lp - 4.0))));
            }
        }
        String finish = "stop";
        if (tokens.size() > request.maxTokens()) {
            tokens = new ArrayList<>(tokens.subList(0, request.maxTokens()));
            finish = "length";
        }
        StringBuilder text = new StringBuilder();
        tokens.forEach(t -> text.append(t.token()));
        int cut = -1;
        for (String stop : request.stop()) {
            int at = text.indexOf(stop);
            if (at >= 0 && (cut < 0 || at < cut)) {
                cut = at;
            }
        }
        if (cut >= 0) {
            List<GeneratedToken> kept = new ArrayList<>();
            int length = 0;
            for (GeneratedToken t : tokens) {
                if (length + t.token().length() > cut) {
                    break;
                }
                kept.add(t);
                length += t.token().length();
            }
            return new Generated(text.substring(0, cut), kept, "stop");
        }
        return new Generated(text.toString(), tokens, finish);
    }

    private static TokenLogprob sample(List<TokenLogprob> distribution, double temperature, SplittableRandom rng) {
        double[] w = new double[distribution.size()];
        double total = 0;
        double top = distribution.getFirst().logprob();
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp((distribution.get(i).logprob() - top) / temperature);
            total += w[i];
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < w.length; i++) {
            u -= w[i];
            if (u <= 0) {
                return distribution.get(i);
            }
        }
        return distribution.getLast();
    }

    private ObjectNode chatChoice(int index, Generated g, CompletionRequest request, boolean dropLogprobs) {
        ObjectNode choice = JSON.createObjectNode();
        choice.put("index", index);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", g.text());
        message.putNull("refusal");
        if (request.logprobs() && !dropLogprobs) {
            ObjectNode logprobs = choice.putObject("logprobs");
            ArrayNode content = logprobs.putArray("content");
            for (GeneratedToken t : g.tokens()) {
                ObjectNode entry = content.addObject();
                entry.put("token", t.token());
                entry.put("logprob", t.logprob());
                bytes(entry.putArray("bytes"), t.token());
                ArrayNode top = entry.putArray("top_logprobs");
                for (TokenLogprob alt : t.alternatives().subList(0, Math.min(request.topLogprobs(),
                        t.alternatives().size()))) {
                    ObjectNode a = top.addObject();
                    a.put("token", alt.token());
                    a.put("logprob", alt.logprob());
                    bytes(a.putArray("bytes"), alt.token());
                }
            }
            logprobs.putNull("refusal");
        } else {
            choice.putNull("logprobs");
        }
        choice.put("finish_reason", g.finishReason());
        return choice;
    }

    private ObjectNode completionChoice(int index, Generated g, CompletionRequest request, boolean dropLogprobs) {
        ObjectNode choice = JSON.createObjectNode();
        choice.put("text", g.text());
        choice.put("index", index);
        if (request.logprobs() && !dropLogprobs) {
            ObjectNode logprobs = choice.putObject("logprobs");
            ArrayNode tokens = logprobs.putArray("tokens");
            ArrayNode tokenLogprobs = logprobs.putArray("token_logprobs");
            ArrayNode top = logprobs.putArray("top_logprobs");
            ArrayNode offsets = logprobs.putArray("text_offset");
            int offset = 0;
            for (GeneratedToken t : g.tokens()) {
                tokens.add(t.token());
                tokenLogprobs.add(t.logprob());
                ObjectNode alternatives = top.addObject();
                for (TokenLogprob alt : t.alternatives().subList(0, Math.min(request.topLogprobs(),
                        t.alternatives().size()))) {
                    alternatives.put(alt.token(), alt.logprob());
                }
                offsets.add(offset);
                offset += t.token().length();
            }
        } else {
            choice.putNull("logprobs");
        }
        choice.put("finish_reason", g.finishReason());
        return choice;
    }

    private static void bytes(ArrayNode array, String token) {
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            array.add(b & 0xff);
        }
    }

    private Fault faultFor(long call) {
        if (call < config.scriptedFaults().size()) {
            return config.scriptedFaults().get((int) call);
        }
        double u = Seeds.uniform(Seeds.key(config.seed() ^ FAULT_SALT, call));
        double[] rates = {config.rate500(), config.rateTimeout(), config.rateMalformedJson(),
            config.rateMissingLogprobs()};
        Fault[] faults = {Fault.HTTP_500, Fault.TIMEOUT, Fault.MALFORMED_JSON, Fault.MISSING_LOGPROBS};
        for (int i = 0; i < rates.length; i++) {
            if (u < rates[i]) {
                return faults[i];
            }
            u -= rates[i];
        }
        return Fault.NONE;
    }

    private static String malformed(boolean chat) {
        return chat ? "{\"id\":\"chatcmpl-broken\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"1"
                : "{\"id\":\"cmpl-broken\",\"object\":\"text_completion\",\"choices\":[{\"text\":\"1\",\"index\":0,";
    }

    private ObjectNode models() {
        ObjectNode list = JSON.createObjectNode();
        list.put("object", "list");
        list.putArray("data").add(model(modelId()));
        return list;
    }

    private static ObjectNode model(String id) {
        ObjectNode model = JSON.createObjectNode();
        model.put("id", id);
        model.put("object", "model");
        model.put("created", 1_700_000_000L);
        model.put("owned_by", "rlaif-testbed");
        return model;
    }

    private static long countTokens(String text) {
        Matcher m = TOKEN.matcher(text);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private boolean requireMethod(HttpExchange exchange, String method, String expected) throws IOException {
        if (method.equals(expected)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", expected);
        sendError(exchange, 405, "Method " + method + " is not allowed here; use " + expected + ".",
                "invalid_request_error", null, "method_not_allowed");
        return false;
    }

    private void sendRateLimited(HttpExchange exchange, String message) throws IOException {
        exchange.getResponseHeaders().set("Retry-After", Integer.toString(config.retryAfterSeconds()));
        sendError(exchange, 429, message, "rate_limit_error", null, "rate_limit_exceeded");
    }

    private static void sendError(HttpExchange exchange, int status, String message, String type, String param,
            String code) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        sendJson(exchange, status, body);
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        sendBody(exchange, status, JSON.writeValueAsString(body));
    }

    private static void sendBody(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }
}

package dev.rlaif.labeler.labels;

import dev.rlaif.common.spec.JudgeSpec;
import dev.rlaif.judge.PreferenceLabelers;
import dev.rlaif.judge.client.JudgeEndpoint;
import dev.rlaif.judge.client.OpenAiCompatibleClient;
import dev.rlaif.judge.client.ResilientLlmClient;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.PreferenceLabeler;
import dev.rlaif.labeler.LabelerProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One resilient client per judge endpoint (base URL, model, key variable, concurrency), shared by every run
 * and labeling job that names it, so that its bulkhead bounds all calls to that server together.
 */
@Component
public class JudgeClients implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JudgeClients.class);

    /** What identifies an endpoint; the run's concurrency is already capped by the configured capacity. */
    record EndpointKey(String baseUrl, String model, String apiKeyEnv, int maxConcurrency) {
    }

    private record LabelerKey(EndpointKey endpoint, LabelingSettings settings) {
    }

    private final LabelerProperties.Judge settings;
    private final LabelerMetrics metrics;
    private final Function<String, String> environment;
    private final Map<EndpointKey, ResilientLlmClient> clients = new ConcurrentHashMap<>();
    private final Map<LabelerKey, PreferenceLabeler> labelers = new ConcurrentHashMap<>();

    @Autowired
    public JudgeClients(LabelerProperties properties, LabelerMetrics metrics) {
        this(properties, metrics, System::getenv);
    }

    JudgeClients(LabelerProperties properties, LabelerMetrics metrics, Function<String, String> environment) {
        this.settings = properties.judge();
        this.metrics = metrics;
        this.environment = environment;
        metrics.judgeCallsInFlight(this::inFlight);
    }

    /** The labeler for these settings on this judge; built once and reused (few-shot files are read once). */
    public PreferenceLabeler labeler(JudgeSpec judge, LabelingSettings labeling) {
        EndpointKey key = key(judge);
        return labelers.computeIfAbsent(new LabelerKey(key, labeling),
                k -> PreferenceLabelers.forSettings(client(key), labeling));
    }

    /** Judge calls this endpoint may have in flight: the run's limit capped by the configured capacity. */
    public int concurrency(JudgeSpec judge) {
        return key(judge).maxConcurrency();
    }

    public int inFlight() {
        return clients.values().stream().mapToInt(ResilientLlmClient::inFlight).sum();
    }

    private EndpointKey key(JudgeSpec judge) {
        return new EndpointKey(judge.baseUrl(), judge.model(), judge.apiKeyEnv(),
                Math.min(judge.maxConcurrency(), settings.capacity()));
    }

    private ResilientLlmClient client(EndpointKey key) {
        return clients.computeIfAbsent(key, this::connect);
    }

    private ResilientLlmClient connect(EndpointKey key) {
        JudgeEndpoint endpoint = JudgeEndpoint.of(key.baseUrl(), key.model())
                .withApi(settings.api())
                .withTimeout(settings.timeout())
                .withMaxConcurrency(key.maxConcurrency())
                .withRatePerSecond(settings.ratePerSecond())
                .withRetries(settings.retries(), settings.initialBackoff(), 2.0, settings.maxBackoff())
                .withMaxRetryAfter(settings.maxRetryAfter())
                .withAcquireTimeout(settings.acquireTimeout())
                .withApiKeyEnv(key.apiKeyEnv());
        var client = new ResilientLlmClient(new OpenAiCompatibleClient(endpoint, environment), endpoint);
        client.retry().getEventPublisher()
                .onRetry(event -> metrics.judgeError(event.getLastThrowable()))
                .onError(event -> metrics.judgeError(event.getLastThrowable()))
                .onIgnoredError(event -> metrics.judgeError(event.getLastThrowable()));
        log.info("Connected to judge {}", endpoint);
        return client;
    }

    @Override
    public void destroy() {
        clients.values().forEach(ResilientLlmClient::close);
        clients.clear();
        labelers.clear();
    }
}

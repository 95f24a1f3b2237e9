package dev.rlaif.reward.direct;

import dev.rlaif.common.events.ScoringItem;
import dev.rlaif.common.spec.JudgeSpec;
import dev.rlaif.common.spec.LabelingSpec;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.judge.client.JudgeEndpoint;
import dev.rlaif.judge.client.OpenAiCompatibleClient;
import dev.rlaif.judge.client.ResilientLlmClient;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.Preamble;
import dev.rlaif.judge.rating.DirectRater;
import dev.rlaif.judge.rating.Rating;
import dev.rlaif.reward.RewardProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Direct RLAIF (Lee et al. 2023, §2.3): the run's judge rates each response 1–10 and the reward is
 * Σ i·P(i) rescaled to [−1, 1] ({@link DirectRater} from {@code judge}). Calls go through the same
 * resilient client as the labeler's (retry with back-off and Retry-After, circuit breaker, bulkhead of
 * the run's {@code maxConcurrency}) and fan out on virtual threads. Ratings are cached by (judge settings,
 * prompt, response), so repeated rollouts are not paid twice.
 */
@Component
public class DirectRewardScorer implements DisposableBean {

    private final JudgeRatingCache cache;
    private final RewardProperties.Direct settings;
    private final Map<JudgeEndpoint, ResilientLlmClient> clients = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;

    public DirectRewardScorer(JudgeRatingCache cache, RewardProperties properties, MeterRegistry meters) {
        this.cache = cache;
        this.settings = properties.direct();
        this.hits = Counter.builder("rlaif.reward.direct.cache").tag("result", "hit").register(meters);
        this.misses = Counter.builder("rlaif.reward.direct.cache").tag("result", "miss").register(meters);
    }

    public double[] score(RunSpec spec, List<ScoringItem> items) {
        JudgeEndpoint endpoint = endpoint(spec.labeling().judge());
        LabelingSettings labeling = labelingSettings(spec.labeling(), spec.seed());
        String judgeKey = judgeKey(endpoint, labeling);
        Map<String, ScoringItem> distinct = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(items.size());
        for (ScoringItem item : items) {
            String key = cacheKey(judgeKey, item);
            keys.add(key);
            distinct.putIfAbsent(key, item);
        }
        Map<String, Double> rewards = new ConcurrentHashMap<>(cache.find(distinct.keySet()));
        hits.increment(rewards.size());
        Map<String, ScoringItem> missing = new LinkedHashMap<>(distinct);
        missing.keySet().removeAll(rewards.keySet());
        misses.increment(missing.size());
        if (!missing.isEmpty()) {
            DirectRater rater = new DirectRater(client(endpoint), labeling);
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                Map<String, Future<Rating>> ratings = new LinkedHashMap<>();
                missing.forEach((key, item) -> ratings.put(key, threads.submit(() -> rater.rate(item.prompt(), item.response()))));
                for (var entry : ratings.entrySet()) {
                    Rating rating = await(entry.getValue());
                    cache.save(entry.getKey(), rating.reward(), rating.expectedScore(), endpoint.model());
                    rewards.put(entry.getKey(), rating.reward());
                }
            }
        }
        double[] scores = new double[items.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = rewards.get(keys.get(i));
        }
        return scores;
    }

    private static Rating await(Future<Rating> rating) {
        try {
            return rating.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the judge", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** The run's judge (judge's client treats a named but unset API-key variable as a server without authentication). */
    JudgeEndpoint endpoint(JudgeSpec judge) {
        return JudgeEndpoint.of(judge.baseUrl(), judge.model())
                .withTimeout(settings.timeout())
                .withMaxConcurrency(judge.maxConcurrency())
                .withRetries(settings.retries(), settings.initialBackoff(), 2.0, settings.initialBackoff().multipliedBy(60))
                .withApiKeyEnv(judge.apiKeyEnv());
    }

    static LabelingSettings labelingSettings(LabelingSpec labeling, long seed) {
        return LabelingSettings.defaults()
                .withTask(labeling.task())
                .withPreamble(Preamble.valueOf(labeling.preamble().toUpperCase(Locale.ROOT)))
                .withVoteFallback(labeling.voteFallback())
                .withSeed(seed);
    }

    private ResilientLlmClient client(JudgeEndpoint endpoint) {
        return clients.computeIfAbsent(endpoint, OpenAiCompatibleClient::connect);
    }

    /** Everything that changes what the judge answers: where it is, which model, which prompt. */
    static String judgeKey(JudgeEndpoint endpoint, LabelingSettings labeling) {
        return String.join("\u0000", endpoint.baseUrl().toString(), endpoint.model(), labeling.task(),
                labeling.preamble().name(), Boolean.toString(labeling.voteFallback()));
    }

    static String cacheKey(String judgeKey, ScoringItem item) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(judgeKey, item.prompt(), item.response())) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void destroy() {
        clients.values().forEach(ResilientLlmClient::close);
        clients.clear();
    }
}

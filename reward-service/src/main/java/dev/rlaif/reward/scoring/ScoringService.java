package dev.rlaif.reward.scoring;

import dev.rlaif.common.events.ScoringItem;
import dev.rlaif.common.knownruns.KnownRunRepository;
import dev.rlaif.common.spec.RewardMode;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.common.web.NotFoundException;
import dev.rlaif.reward.RewardProperties;
import dev.rlaif.reward.direct.DirectRewardScorer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;

/**
 * One scoring interface for both kinds of RLAIF reward: the run's reward model (distilled) through dynamic
 * batching, or the judge's 1–10 rating (direct); optionally standardised per run. Kafka and REST both
 * come here, so they return the same numbers for the same inputs.
 */
@Service
public class ScoringService {

    /** Scores in the order of the items. */
    public record Scores(UUID runId, RewardMode mode, boolean normalized, List<Double> scores) {
    }

    private final KnownRunRepository runs;
    private final RewardModels models;
    private final DirectRewardScorer direct;
    private final ScoreNormalizer normalizer = new ScoreNormalizer();
    private final Duration timeout;
    private final MeterRegistry meters;

    public ScoringService(KnownRunRepository runs, RewardModels models, DirectRewardScorer direct,
                          RewardProperties properties, MeterRegistry meters) {
        this.runs = runs;
        this.models = models;
        this.direct = direct;
        this.timeout = properties.scoring().timeout();
        this.meters = meters;
    }

    /** @param channel who asked ({@code kafka} or {@code rest}), a tag of the latency histogram */
    public Scores score(UUID runId, List<ScoringItem> items, String channel) {
        RunSpec spec = runs.find(runId).orElseThrow(() -> new NotFoundException("Run", runId)).spec();
        RewardMode mode = spec.reward().mode();
        long start = System.nanoTime();
        double[] raw = switch (mode) {
            case DISTILLED -> fromRewardModel(runId, items);
            case DIRECT -> direct.score(spec, items);
        };
        boolean normalize = spec.reward().normalizeScores();
        double[] scores = normalize ? normalizer.normalize(runId, raw) : raw;
        Timer.builder("rlaif.reward.scoring.latency")
                .description("time to answer one scoring request")
                .tag("mode", mode.name().toLowerCase())
                .tag("channel", channel)
                .publishPercentileHistogram()
                .register(meters)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        meters.counter("rlaif.reward.scoring.items", "mode", mode.name().toLowerCase()).increment(items.size());
        List<Double> out = new ArrayList<>(scores.length);
        for (double score : scores) {
            out.add(score);
        }
        return new Scores(runId, mode, normalize, out);
    }

    private double[] fromRewardModel(UUID runId, List<ScoringItem> items) {
        float[] scores;
        try {
            scores = models.score(runId, items).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no scores within " + timeout, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores[i];
        }
        return out;
    }
}

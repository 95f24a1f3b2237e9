package dev.rlaif.reward.scoring;

import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.events.ScoringItem;
import dev.rlaif.ml.model.HfCheckpoint;
import dev.rlaif.reward.RewardProperties;
import dev.rlaif.reward.training.RewardModelScorer;
import dev.rlaif.reward.training.RewardModelStageRepository;
import dev.rlaif.reward.training.RewardModelTrained;
import dev.rlaif.reward.training.RewardText;
import dev.rlaif.reward.training.StageRecord;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The loaded reward models, one {@link DynamicBatcher} each, loaded on first use from the run's newest
 * completed REWARD_MODEL attempt after checking the checkpoint's SHA-256 against the one recorded at
 * training time. At most {@code cachedModels} stay loaded; the least recently used is closed, and a
 * model is closed as soon as a newer one is trained.
 */
@Component
public class RewardModels implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RewardModels.class);

    private record Loaded(int attempt, RewardText text, DynamicBatcher<RewardText.Encoded> batcher) {
    }

    private final RewardModelStageRepository stages;
    private final ArtifactStore artifacts;
    private final RewardProperties.Scoring settings;
    private final int maxResponseTokens;
    private final DistributionSummary batchSizes;
    private final LinkedHashMap<UUID, Loaded> loaded = new LinkedHashMap<>(16, 0.75f, true);

    public RewardModels(RewardModelStageRepository stages, ArtifactStore artifacts, RewardProperties properties,
                        MeterRegistry meters) {
        this.stages = stages;
        this.artifacts = artifacts;
        this.settings = properties.scoring();
        this.maxResponseTokens = properties.training().maxResponseTokens();
        this.batchSizes = DistributionSummary.builder("rlaif.reward.scoring.batch.size")
                .description("sequences per reward-model forward pass")
                .baseUnit("sequences")
                .publishPercentileHistogram()
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256)
                .register(meters);
    }

    /** Scores with the run's reward model, through its batcher. */
    public CompletableFuture<float[]> score(UUID runId, List<ScoringItem> items) {
        CompletableFuture<float[]> scores = submit(model(runId), items);
        // the model was replaced by a newer one between lookup and submission: score with the newer one
        return scores.isCompletedExceptionally() ? submit(model(runId), items) : scores;
    }

    private static CompletableFuture<float[]> submit(Loaded model, List<ScoringItem> items) {
        List<RewardText.Encoded> encoded = new ArrayList<>(items.size());
        for (ScoringItem item : items) {
            encoded.add(model.text().encode(item.prompt(), item.response()));
        }
        return model.batcher().submit(encoded);
    }

    private synchronized Loaded model(UUID runId) {
        Loaded model = loaded.get(runId);
        if (model != null) {
            return model;
        }
        StageRecord record = stages.latestCompleted(runId).orElseThrow(() -> new NoRewardModelException(runId));
        model = load(record);
        loaded.put(runId, model);
        evictBeyond(settings.cachedModels());
        return model;
    }

    private Loaded load(StageRecord record) {
        var directory = artifacts.resolve(record.artifactPath());
        String sha256 = ArtifactStore.sha256(directory);
        if (!sha256.equals(record.sha256())) {
            throw new IllegalStateException("reward model " + record.artifactPath() + " changed since it was trained (sha256 "
                    + sha256 + ", recorded " + record.sha256() + ")");
        }
        HfCheckpoint.Loaded checkpoint;
        try {
            checkpoint = HfCheckpoint.load(directory, true, false, 0L);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load reward model " + record.artifactPath(), e);
        }
        var text = new RewardText(checkpoint.tokenizer(), checkpoint.model().config().blockSize(), maxResponseTokens);
        var batcher = new DynamicBatcher<RewardText.Encoded>(record.runId().toString(), settings.maxBatchSize(),
                settings.maxWait(), batch -> RewardModelScorer.score(checkpoint.model(), batch), batchSizes::record,
                checkpoint::close);
        log.info("Loaded reward model {} (attempt {}) for scoring", record.artifactPath(), record.attempt());
        return new Loaded(record.attempt(), text, batcher);
    }

    private void evictBeyond(int capacity) {
        Iterator<Map.Entry<UUID, Loaded>> eldest = loaded.entrySet().iterator();
        while (loaded.size() > capacity && eldest.hasNext()) {
            Loaded model = eldest.next().getValue();
            eldest.remove();
            model.batcher().close();
        }
    }

    @EventListener
    public void onTrained(RewardModelTrained trained) {
        Loaded replaced;
        synchronized (this) {
            replaced = loaded.remove(trained.runId());
        }
        if (replaced != null) {
            replaced.batcher().close();
        }
    }

    @Override
    public synchronized void destroy() {
        loaded.values().forEach(model -> model.batcher().close());
        loaded.clear();
    }
}

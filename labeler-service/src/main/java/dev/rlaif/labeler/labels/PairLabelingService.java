package dev.rlaif.labeler.labels;

import dev.rlaif.judge.client.JudgeException;
import dev.rlaif.judge.labeling.ComparisonPair;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.PreferenceLabel;
import dev.rlaif.labeler.LabelerProperties;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Labels one pair at most once: a pair that already has a label is answered from the store without calling
 * the judge; otherwise the judge labels it and the label is stored, or the failure is recorded (never as a label).
 * Blocking; callers run many of these at once on virtual threads and the judge client's bulkhead bounds the calls.
 */
@Service
public class PairLabelingService {

    /** A run spec the judge cannot act on: a failure of the request, not of the judge. */
    public static final String INVALID_SETTINGS = "INVALID_SETTINGS";

    private static final Logger log = LoggerFactory.getLogger(PairLabelingService.class);

    private final LabelRepository labels;
    private final JudgeClients judges;
    private final LabelerMetrics metrics;
    private final int topLogprobs;

    public PairLabelingService(LabelRepository labels, JudgeClients judges, LabelerMetrics metrics,
                               LabelerProperties properties) {
        this.labels = labels;
        this.judges = judges;
        this.metrics = metrics;
        this.topLogprobs = properties.judge().topLogprobs();
    }

    public PairOutcome label(PairToLabel pair) {
        Optional<StoredLabel> existing = labels.find(pair.ownerId(), pair.pairId());
        if (existing.isPresent()) {
            return new PairOutcome.Labeled(existing.get(), false);
        }
        LabelingSettings settings;
        try {
            settings = RunLabelingSettings.from(pair.labeling(), pair.seed(), topLogprobs);
        } catch (IllegalArgumentException e) {
            return failed(pair, INVALID_SETTINGS, e.getMessage(), e);
        }
        PreferenceLabel label;
        metrics.labelStarted();
        try {
            label = judges.labeler(pair.labeling().judge(), settings).label(
                    new ComparisonPair(pair.pairId().toString(), pair.prompt(), pair.responseA(), pair.responseB()));
        } catch (JudgeException e) {
            return failed(pair, e.failure().name(), e.getMessage() + causeOf(e), e);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            // an unreadable few-shot or principles file, a template the pair does not fit
            return failed(pair, INVALID_SETTINGS, e.getMessage(), e);
        } finally {
            metrics.labelEnded();
        }
        StoredLabel stored = toStored(pair, label);
        if (labels.insert(stored, LabelTrace.of(label))) {
            metrics.labeled(label.latency(), label.allCalls());
            return new PairOutcome.Labeled(stored, true);
        }
        // another consumer stored the same pair meanwhile; its label is the one
        return new PairOutcome.Labeled(labels.find(pair.ownerId(), pair.pairId()).orElseThrow(), false);
    }

    private PairOutcome failed(PairToLabel pair, String cause, String reason, Exception error) {
        log.warn("Pair {} of {} could not be labeled: {}", pair.pairId(), pair.ownerId(), reason);
        labels.recordFailure(pair.ownerId(), pair.pairId(), cause, reason);
        metrics.labelFailed(cause);
        return new PairOutcome.Failed(cause, reason, error);
    }

    private static String causeOf(JudgeException e) {
        return e.getCause() instanceof JudgeException last ? " (last: " + last.getMessage() + ")" : "";
    }

    private static StoredLabel toStored(PairToLabel pair, PreferenceLabel label) {
        return new StoredLabel(pair.ownerId(), pair.pairId(), pair.externalId(), pair.prompt(), pair.responseA(),
                pair.responseB(), label.probabilityA(), label.probabilityAWhenAFirst(),
                label.debiased() ? label.probabilityAWhenBFirst() : null, pair.humanPreference(), label.source().name(),
                label.model(), label.calls(), label.usage().promptTokens(), label.usage().completionTokens(),
                label.latency().toMillis(), Instant.now());
    }
}

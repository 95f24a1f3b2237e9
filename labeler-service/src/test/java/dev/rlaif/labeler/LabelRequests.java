package dev.rlaif.labeler;

import dev.rlaif.common.events.LabelFailed;
import dev.rlaif.common.events.LabelProduced;
import dev.rlaif.common.events.LabelRequested;
import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.common.spec.JudgeSpec;
import dev.rlaif.common.spec.LabelingSpec;
import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.tasks.PreferencePair;
import dev.rlaif.testsupport.EventProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Sends label requests the way the trainer does and reads what the labeler publishes on {@code rlaif.label.results}. */
public final class LabelRequests implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaTemplate<String, Object> kafka;
    private final EventProbe results = EventProbe.listen(Topics.LABEL_RESULTS);

    public LabelRequests(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    /** The run spec's labeling section against this simulator, with the spec's defaults otherwise. */
    public static LabelingSpec spec(JudgeSimulator sim, String preamble, boolean chainOfThought, int selfConsistency,
                                    boolean debiasing, int principles, boolean voteFallback) {
        return new LabelingSpec(new JudgeSpec(sim.baseUrl(), sim.modelId(), null, 16), "summarization", preamble, null,
                chainOfThought, selfConsistency, debiasing, principles, voteFallback);
    }

    public static LabelingSpec plain(JudgeSimulator sim, boolean debiasing) {
        return spec(sim, "base", false, 1, debiasing, 0, false);
    }

    public static LabelRequested request(UUID runId, PreferencePair pair, LabelingSpec spec) {
        return LabelRequested.of(runId, UUID.nameUUIDFromBytes(pair.id().getBytes()), pair.prompt(), pair.responseA(),
                pair.responseB(), pair.preference(), spec);
    }

    public void send(LabelRequested request) {
        try {
            kafka.send(Topics.LABEL_REQUESTS, request.key(), request).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends all, then waits for every acknowledgement. */
    public void sendAll(List<LabelRequested> all) {
        var sent = all.stream().map(r -> kafka.send(Topics.LABEL_REQUESTS, r.key(), r)).toList();
        sent.forEach(java.util.concurrent.CompletableFuture::join);
    }

    /** The first result for this pair of this run. */
    public RlaifEvent awaitResult(UUID runId, UUID pairId) {
        return awaitResults(runId, pairId, 1).getFirst();
    }

    /** Waits until at least {@code count} results for the pair of this run have arrived. */
    public List<RlaifEvent> awaitResults(UUID runId, UUID pairId, int count) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            results.awaitKey(pairId.toString(), PATIENCE);
            return resultsFor(runId, pairId);
        }, list -> list.size() >= count);
    }

    public List<RlaifEvent> resultsFor(UUID runId, UUID pairId) {
        return results.received().stream()
                .filter(r -> pairId.toString().equals(r.key()))
                .map(LabelRequests::event)
                .filter(e -> e.runId().equals(runId))
                .toList();
    }

    public LabelProduced awaitLabel(UUID runId, UUID pairId) {
        return switch (awaitResult(runId, pairId)) {
            case LabelProduced produced -> produced;
            case LabelFailed failed -> throw new AssertionError("expected a label, got " + failed);
            default -> throw new AssertionError("unexpected result");
        };
    }

    private static RlaifEvent event(ConsumerRecord<String, byte[]> record) {
        return JSON.readValue(record.value(), RlaifEvent.class);
    }

    @Override
    public void close() {
        results.close();
    }
}

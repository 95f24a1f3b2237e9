package dev.rlaif.labeler.labels;

import dev.rlaif.common.events.LabelFailed;
import dev.rlaif.common.events.LabelProduced;
import dev.rlaif.common.events.LabelRequested;
import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.kafka.DeadLetters;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.common.knownruns.KnownRun;
import dev.rlaif.common.knownruns.KnownRunRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code rlaif.label.requests} in batches and labels a batch's pairs concurrently, each on its own
 * virtual thread (the judge client's bulkhead bounds the calls in flight). Every outcome is stored and published
 * on {@code rlaif.label.results} before the batch returns, so offsets are committed only after that (at least
 * once; a redelivered request finds its label stored and only republishes it). A pair that cannot be labeled is
 * published as {@link LabelFailed} and its request goes to {@code rlaif.label.requests.DLT} with the reason.
 */
@Component
public class LabelRequestsListener {

    private static final Logger log = LoggerFactory.getLogger(LabelRequestsListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(LabelRequestsListener.class);
    /** The run spec's default seed, for requests that arrive before their run's {@code RunSubmitted}. */
    private static final long DEFAULT_SEED = 42L;

    private final PairLabelingService labeling;
    private final KafkaTemplate<String, Object> kafka;
    private final DeadLetters deadLetters;
    private final KnownRunRepository runs;

    public LabelRequestsListener(PairLabelingService labeling, KafkaTemplate<String, Object> kafka,
                                 DeadLetters deadLetters, KnownRunRepository runs) {
        this.labeling = labeling;
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.runs = runs;
    }

    @KafkaListener(id = "${spring.application.name}-label-requests", topics = Topics.LABEL_REQUESTS,
            containerFactory = LabelRequestsConfiguration.CONTAINER_FACTORY, batch = "true")
    public void on(List<ConsumerRecord<String, RlaifEvent>> records) {
        Map<UUID, Long> seeds = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<ConsumerRecord<String, RlaifEvent>> work = new ArrayList<>();
        for (ConsumerRecord<String, RlaifEvent> record : records) {
            switch (record.value()) {
                case null -> deadLetter(record, SerializationUtils.getExceptionFromHeader(record,
                        SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR));
                case LabelRequested request -> {
                    // the same pair twice in one batch is labeled once; the copy is answered from the store later
                    if (seen.add(request.runId() + "/" + request.pairId())) {
                        seeds.computeIfAbsent(request.runId(), this::seedOf);
                        work.add(record);
                    } else {
                        log.debug("Pair {} requested twice in one batch", request.pairId());
                    }
                }
                default -> log.warn("Unexpected {} on {}", record.value().getClass().getSimpleName(), Topics.LABEL_REQUESTS);
            }
        }
        List<Future<?>> handled = new ArrayList<>(work.size());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ConsumerRecord<String, RlaifEvent> record : work) {
                LabelRequested request = (LabelRequested) record.value();
                handled.add(threads.submit(() -> {
                    handle(record, request, seeds.get(request.runId()));
                    return null;
                }));
            }
        }
        for (int i = 0; i < handled.size(); i++) {
            try {
                handled.get(i).get();
            } catch (ExecutionException e) {
                // storage or broker trouble, not the judge: the error handler retries from this record on
                throw new BatchListenerFailedException("label request " + work.get(i).key() + " was not handled",
                        e.getCause(), work.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BatchListenerFailedException("interrupted", e, work.get(i));
            }
        }
    }

    private long seedOf(UUID runId) {
        return runs.find(runId).map(KnownRun::spec).map(spec -> spec.seed()).orElse(DEFAULT_SEED);
    }

    private void handle(ConsumerRecord<String, RlaifEvent> record, LabelRequested request, long seed) throws Exception {
        var pair = new PairToLabel(request.runId(), request.pairId(), null, request.prompt(), request.responseA(),
                request.responseB(), request.humanPreference(), request.labeling(), seed);
        switch (labeling.label(pair)) {
            case PairOutcome.Labeled labeled -> {
                StoredLabel l = labeled.label();
                publish(LabelProduced.of(l.ownerId(), l.pairId(), l.prompt(), l.responseA(), l.responseB(),
                        l.preference(), l.humanPreference(), l.judgeCalls(), l.totalTokens(), l.latencyMillis()));
            }
            case PairOutcome.Failed failed -> {
                publish(LabelFailed.of(request.runId(), request.pairId(), failed.cause() + ": " + failed.reason()));
                deadLetter(record, failed.error());
            }
        }
    }

    private void publish(RlaifEvent event) throws Exception {
        kafka.send(Topics.LABEL_RESULTS, event.key(), event).get(30, TimeUnit.SECONDS);
    }

    private void deadLetter(ConsumerRecord<String, RlaifEvent> record, Exception reason) {
        deadLetters.recoverer().accept(record, reason);
    }
}

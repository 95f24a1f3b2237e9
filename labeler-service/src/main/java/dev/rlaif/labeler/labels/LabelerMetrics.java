package dev.rlaif.labeler.labels;

import dev.rlaif.judge.client.JudgeException;
import dev.rlaif.judge.labeling.JudgeCall;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The labeler's meters on {@code /actuator/prometheus}: {@code rlaif_labeler_labels_total} (rate() gives labels/s),
 * {@code rlaif_labeler_label_failures_total{cause}}, {@code rlaif_labeler_judge_errors_total{cause}} (every failed
 * attempt, retried or final), {@code rlaif_labeler_judge_latency_seconds} (per call, retries included),
 * {@code rlaif_labeler_judge_calls_in_flight} and {@code rlaif_labeler_labels_in_flight}.
 */
@Component
public class LabelerMetrics {

    private final MeterRegistry registry;
    private final Counter labels;
    private final Timer judgeLatency;
    private final Timer labelLatency;
    private final AtomicInteger labelsInFlight = new AtomicInteger();

    public LabelerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.labels = Counter.builder("rlaif.labeler.labels").description("AI preference labels produced").register(registry);
        this.judgeLatency = Timer.builder("rlaif.labeler.judge.latency")
                .description("wall time of one judge call, retries and waits included")
                .publishPercentileHistogram().register(registry);
        this.labelLatency = Timer.builder("rlaif.labeler.label.latency")
                .description("wall time of one label, all its judge calls included").register(registry);
        registry.gauge("rlaif.labeler.labels.in.flight", labelsInFlight);
    }

    /** Registers the gauge of judge calls holding a concurrency slot right now. */
    void judgeCallsInFlight(Supplier<Number> inFlight) {
        io.micrometer.core.instrument.Gauge.builder("rlaif.labeler.judge.calls.in.flight", inFlight)
                .description("judge calls in flight over all endpoints").register(registry);
    }

    void labeled(Duration latency, Iterable<JudgeCall> calls) {
        labels.increment();
        labelLatency.record(latency);
        for (JudgeCall call : calls) {
            judgeLatency.record(call.latency());
        }
    }

    void labelFailed(String cause) {
        Counter.builder("rlaif.labeler.label.failures").tag("cause", cause)
                .description("pairs that could not be labeled").register(registry).increment();
    }

    void judgeError(Throwable failure) {
        Counter.builder("rlaif.labeler.judge.errors").tag("cause", cause(failure))
                .description("failed judge call attempts, retried or final").register(registry).increment();
    }

    int labelStarted() {
        return labelsInFlight.incrementAndGet();
    }

    void labelEnded() {
        labelsInFlight.decrementAndGet();
    }

    static String cause(Throwable failure) {
        return switch (failure) {
            case JudgeException e -> e.failure().name();
            case CallNotPermittedException e -> "CIRCUIT_OPEN";
            case BulkheadFullException e -> "LOCAL_CAPACITY";
            default -> failure.getClass().getSimpleName();
        };
    }
}

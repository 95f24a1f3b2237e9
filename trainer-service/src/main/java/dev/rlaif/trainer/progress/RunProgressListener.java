package dev.rlaif.trainer.progress;

import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.events.RunProgress;
import dev.rlaif.common.kafka.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Progress from every stage of every service: stored as the run's time series, pushed to SSE
 * subscribers, and exposed as {@code rlaif_run_metric{stage,name}} gauges of the latest value.
 */
@Component
public class RunProgressListener {

    private final RunTelemetry telemetry;
    private final RunEventStreams streams;
    private final MeterRegistry meters;
    private final Map<String, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

    public RunProgressListener(RunTelemetry telemetry, RunEventStreams streams, MeterRegistry meters) {
        this.telemetry = telemetry;
        this.streams = streams;
        this.meters = meters;
    }

    @KafkaListener(id = "trainer-run-progress", topics = Topics.RUN_PROGRESS)
    public void on(RlaifEvent event) {
        if (event instanceof RunProgress progress && telemetry.record(progress)) {
            streams.publish(progress);
            progress.metrics().forEach((name, value) -> gauge(progress.stage().name(), name).set(value));
        }
    }

    private AtomicReference<Double> gauge(String stage, String name) {
        return gauges.computeIfAbsent(stage + "/" + name, key -> {
            AtomicReference<Double> holder = new AtomicReference<>(Double.NaN);
            meters.gauge("rlaif.run.metric", Tags.of("stage", stage, "name", name), holder, AtomicReference::get);
            return holder;
        });
    }
}

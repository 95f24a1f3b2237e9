package dev.rlaif.labeler.bench;

import ch.qos.logback.classic.Level;
import dev.rlaif.common.events.LabelRequested;
import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.common.spec.JudgeSpec;
import dev.rlaif.common.spec.LabelingSpec;
import dev.rlaif.labeler.LabelerApplication;
import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.judgesim.JudgeSimulatorConfig;
import dev.rlaif.testbed.tasks.PreferencePair;
import dev.rlaif.testbed.tasks.SynthSumm;
import dev.rlaif.testsupport.Infrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput of the real labeling path: label requests on Kafka, the labeler-service (its listener, the judge
 * client, PostgreSQL), the judge simulator over HTTP with a fixed latency and a concurrency limit C, the results
 * on Kafka. The simulator can serve at most C ÷ latency calls per second; {@code efficiency} is the share of that
 * the service achieved, from the first request sent to the last result received.
 */
public final class LabelingThroughputBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LabelingThroughputBench() {
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        }
        // the in-JVM Kafka broker and embedded PostgreSQL keep non-daemon threads alive
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        int pairs = 2000;
        int concurrency = 32;
        long latencyMs = 500;
        boolean debiasing = true;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--pairs" -> pairs = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--latency-ms" -> latencyMs = Long.parseLong(args[i + 1]);
                case "--debiasing" -> debiasing = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --pairs N --concurrency C --latency-ms L --debiasing true|false");
            }
        }
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        String bootstrap = Infrastructure.kafkaBootstrapServers();
        Infrastructure.Database db = Infrastructure.database();
        var simConfig = JudgeSimulatorConfig.defaults().withSize("l").withLatencyMs(latencyMs).withConcurrencyLimit(concurrency);
        try (var sim = JudgeSimulator.start(simConfig);
             // command-line arguments outrank labeler-service.yml and rlaif-defaults.yml
             ConfigurableApplicationContext labeler = LabelerApplication.builder().run(
                     "--server.port=0",
                     "--spring.kafka.bootstrap-servers=" + bootstrap,
                     "--rlaif.db.url=" + db.jdbcUrl(),
                     "--spring.datasource.username=" + db.username(),
                     "--spring.datasource.password=" + db.password(),
                     "--logging.level.root=WARN");
             var results = new KafkaConsumer<String, byte[]>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID()),
                     new StringDeserializer(), new ByteArrayDeserializer())) {
            // the trainer's producer, not the labeler's: requests must not queue ahead of the labeler's results
            var kafka = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
            var spec = new LabelingSpec(new JudgeSpec(sim.baseUrl(), sim.modelId(), null, concurrency), "summarization",
                    "detailed", null, false, 1, debiasing, 0, false);
            List<TopicPartition> partitions = results.partitionsFor(Topics.LABEL_RESULTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            results.assign(partitions);
            results.seekToEnd(partitions);
            partitions.forEach(results::position);

            // warm up (JIT, connection pools) on other pairs, so that the measurement is the steady state
            int warmUpPairs = Math.max(1, pairs / 10);
            List<PreferencePair> data = new SynthSumm(3).preferencePairs(pairs + warmUpPairs);
            UUID warmUp = UUID.randomUUID();
            send(kafka, data.subList(pairs, data.size()).stream().map(p -> request(warmUp, p, spec)).toList());
            await(results, warmUp, warmUpPairs);

            UUID runId = UUID.randomUUID();
            List<LabelRequested> requests = data.subList(0, pairs).stream().map(p -> request(runId, p, spec)).toList();
            long callsBefore = sim.requestCount();
            long start = System.nanoTime();
            var busy = new BusyProfile(sim, Duration.ofMillis(latencyMs));
            send(kafka, requests);
            int failed = await(results, runId, pairs);
            double seconds = (System.nanoTime() - start) / 1e9;
            busy.stop();
            kafka.close();
            long calls = sim.requestCount() - callsBefore;

            double callsPerSecond = calls / seconds;
            double capacity = concurrency / (latencyMs / 1000.0);
            double efficiency = callsPerSecond / capacity;
            double labelsPerSecond = pairs / seconds;
            System.out.printf(Locale.ROOT, "pairs %d (%s) after %d warm-up pairs, judge latency %d ms, concurrency limit C=%d: "
                    + "capacity %.1f calls/s%n", pairs, debiasing ? "both orders" : "one order", warmUpPairs, latencyMs,
                    concurrency, capacity);
            System.out.printf(Locale.ROOT, "%d judge calls in %.2f s: %.1f calls/s; %d labels failed%n", calls, seconds,
                    callsPerSecond, failed);
            System.out.printf(Locale.ROOT, "calls in progress at the judge, mean per %d ms: %s%n", latencyMs, busy);
            System.out.printf(Locale.ROOT, "efficiency %.3f%n", efficiency);
            System.out.printf(Locale.ROOT, "RESULT efficiency=%.3f labels_per_s=%.1f%n", efficiency, labelsPerSecond);
        }
    }

    /** Samples how many calls the simulator is serving, to show where the judge was not kept busy. */
    private static final class BusyProfile {

        private final List<Double> means = new ArrayList<>();
        private final Thread sampler;

        BusyProfile(JudgeSimulator sim, Duration window) {
            sampler = Thread.ofPlatform().daemon().start(() -> {
                long samples = 0;
                long sum = 0;
                long windowEnd = System.nanoTime() + window.toNanos();
                while (!Thread.currentThread().isInterrupted()) {
                    sum += sim.inProgress();
                    samples++;
                    if (System.nanoTime() >= windowEnd) {
                        synchronized (means) {
                            means.add((double) sum / samples);
                        }
                        sum = 0;
                        samples = 0;
                        windowEnd += window.toNanos();
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            sampler.interrupt();
            sampler.join();
        }

        @Override
        public String toString() {
            synchronized (means) {
                return means.stream().map(m -> String.format(Locale.ROOT, "%.0f", m))
                        .collect(java.util.stream.Collectors.joining(" "));
            }
        }
    }

    private static LabelRequested request(UUID runId, PreferencePair pair, LabelingSpec spec) {
        return LabelRequested.of(runId, UUID.randomUUID(), pair.prompt(), pair.responseA(), pair.responseB(),
                pair.preference(), spec);
    }

    private static void send(KafkaProducer<String, byte[]> kafka, List<LabelRequested> requests) throws Exception {
        List<Future<?>> sent = new ArrayList<>(requests.size());
        for (LabelRequested r : requests) {
            sent.add(kafka.send(new ProducerRecord<>(Topics.LABEL_REQUESTS, r.key(),
                    JSON.writerFor(RlaifEvent.class).writeValueAsBytes(r))));
        }
        for (Future<?> future : sent) {
            future.get();
        }
    }

    /** Reads results until {@code count} distinct pairs of the run have one; returns how many of them failed. */
    private static int await(KafkaConsumer<String, byte[]> results, UUID runId, int count) {
        Set<UUID> done = new HashSet<>();
        int failed = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (done.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + done.size() + " of " + count + " results within 10 minutes");
            }
            for (var record : results.poll(Duration.ofMillis(50))) {
                RlaifEvent event = JSON.readValue(record.value(), RlaifEvent.class);
                if (event.runId().equals(runId) && done.add(UUID.fromString(record.key()))) {
                    failed += event instanceof dev.rlaif.common.events.LabelFailed ? 1 : 0;
                }
            }
        }
        return failed;
    }
}

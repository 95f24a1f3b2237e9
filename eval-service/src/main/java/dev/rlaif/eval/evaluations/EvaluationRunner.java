package dev.rlaif.eval.evaluations;

import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.events.RunProgress;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.events.StageCompleted;
import dev.rlaif.common.events.StageFailed;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.eval.EvalProperties;
import dev.rlaif.eval.ratings.SimulatedRaterPanel;
import dev.rlaif.ml.Rng;
import dev.rlaif.ml.sampling.SamplingConfig;
import dev.rlaif.testbed.tasks.Jsonl;
import dev.rlaif.testbed.tasks.PromptExample;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an evaluation: samples both policies' responses (seeded), collects the AI judge's labels and
 * the simulated humans' ratings, computes the table and, for a run's EVALUATE stage, reports progress
 * and the outcome on Kafka. Each step skips what is already stored, so an evaluation interrupted by a
 * restart resumes where it stopped. Human ratings are not waited for: they keep arriving through the
 * rating UI and {@code GET /api/evaluations/{id}} recomputes the table with them.
 */
@Component
public class EvaluationRunner {

    private static final Logger log = LoggerFactory.getLogger(EvaluationRunner.class);

    private final EvaluationRepository evaluations;
    private final ArtifactStore artifacts;
    private final SimulatedRaterPanel simulatedRaters;
    private final KafkaTemplate<String, Object> kafka;
    private final EvalProperties properties;
    private final JsonMapper json;
    private final ExecutorService executor;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    public EvaluationRunner(EvaluationRepository evaluations, ArtifactStore artifacts, SimulatedRaterPanel simulatedRaters,
                            KafkaTemplate<String, Object> kafka, EvalProperties properties, JsonMapper json) {
        this.evaluations = evaluations;
        this.artifacts = artifacts;
        this.simulatedRaters = simulatedRaters;
        this.kafka = kafka;
        this.properties = properties;
        this.json = json;
        this.executor = Executors.newFixedThreadPool(properties.concurrentEvaluations(),
                Thread.ofPlatform().name("evaluation-", 0).daemon().factory());
    }

    /** Starts the evaluation unless it is already running in this service. */
    public void submit(UUID evaluationId) {
        if (running.add(evaluationId)) {
            executor.submit(() -> {
                try {
                    run(evaluationId);
                } finally {
                    running.remove(evaluationId);
                }
            });
        }
    }

    public boolean isRunning(UUID evaluationId) {
        return running.contains(evaluationId);
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        if (properties.resumeOnStart()) {
            evaluations.unfinished().forEach(e -> {
                log.info("Resuming evaluation {} ({}) from {}", e.id(), e.name(), e.status());
                submit(e.id());
            });
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Where a run's evaluation report is written in the artifact store. */
    public static String reportPath(UUID runId, int attempt) {
        return ArtifactStore.relative(runId, "evaluation/attempt-" + attempt + ".json");
    }

    void run(UUID evaluationId) {
        Evaluation evaluation = evaluations.find(evaluationId).orElseThrow();
        EvaluationRequest request = evaluation.request();
        Progress progress = new Progress(evaluation, request);
        try {
            List<EvaluationItem> items = evaluations.items(evaluationId);
            if (items.isEmpty()) {
                evaluations.status(evaluationId, EvaluationStatus.GENERATING);
                items = generate(evaluation, progress);
            }
            progress.resize(items.size());
            progress.done(2L * items.size());
            evaluations.status(evaluationId, EvaluationStatus.JUDGING);
            if (request.uses("ai")) {
                judgeWithAi(evaluation, items, progress);
            }
            if (request.uses("simulated-human")) {
                long before = progress.steps.get();
                simulatedRaters.rate(evaluationId, request.testbedTask(), request.seed(), answered -> progress.done(before + answered));
            }
            EvaluationReport report = EvaluationReport.compute(request, items, evaluations.judgements(evaluationId),
                    request.seed(), properties.bootstrapResamples());
            Map<String, Double> metrics = finite(report.metrics());
            if (evaluation.runId() != null) {
                Path file = artifacts.resolve(reportPath(evaluation.runId(), evaluation.attempt()));
                Files.createDirectories(file.getParent());
                Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            }
            evaluations.complete(evaluationId, metrics);
            log.info("Evaluation {} ({}) completed: {}", evaluationId, evaluation.name(), metrics);
            if (evaluation.runId() != null) {
                publish(completed(evaluation, metrics));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Evaluation {} interrupted; it resumes on the next start", evaluationId);
        } catch (Exception e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Evaluation {} ({}) failed: {}", evaluationId, evaluation.name(), reason, e);
            evaluations.fail(evaluationId, reason);
            if (evaluation.runId() != null) {
                publish(StageFailed.of(evaluation.runId(), Stage.EVALUATE, evaluation.attempt(), "evaluation failed: " + reason));
            }
        }
    }

    static StageCompleted completed(Evaluation evaluation, Map<String, Double> metrics) {
        return StageCompleted.of(evaluation.runId(), Stage.EVALUATE, evaluation.attempt(), metrics,
                Map.of("evaluation", reportPath(evaluation.runId(), evaluation.attempt())));
    }

    private List<EvaluationItem> generate(Evaluation evaluation, Progress progress) throws IOException {
        EvaluationRequest request = evaluation.request();
        List<PromptExample> all = Jsonl.read(artifacts.resolve(request.prompts()), PromptExample.class);
        if (all.isEmpty()) {
            throw new IOException("the prompt set " + request.prompts() + " is empty");
        }
        List<PromptExample> chosen = choose(all, request.n(), request.seed());
        List<String> prompts = chosen.stream().map(PromptExample::prompt).toList();
        var sampling = new SamplingConfig(request.temperature().floatValue(), 0, 1f, request.maxNewTokens(), true);
        Rng seeds = new Rng(request.seed());
        long seedA = seeds.nextLong();
        long seedB = seeds.nextLong();
        int n = prompts.size();
        List<String> a = PolicyResponses.generate(artifacts.resolve(request.policyA()), prompts, sampling,
                properties.generationBatch(), seedA, done -> progress.done(done));
        List<String> b = PolicyResponses.generate(artifacts.resolve(request.policyB()), prompts, sampling,
                properties.generationBatch(), seedB, done -> progress.done(n + done));
        List<EvaluationItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            var item = new EvaluationItem(EvaluationItem.idFor(evaluation.id(), i), evaluation.id(), i, chosen.get(i).id(),
                    prompts.get(i), a.get(i), b.get(i));
            evaluations.addItem(item);
            items.add(item);
        }
        return evaluations.items(evaluation.id());
    }

    /** {@code n} prompts drawn without replacement by a seeded shuffle, kept in file order. */
    static List<PromptExample> choose(List<PromptExample> all, int n, long seed) {
        int[] order = new int[all.size()];
        Arrays.setAll(order, i -> i);
        new Rng(seed ^ 0xE7A1L).shuffle(order);
        int[] chosen = Arrays.copyOf(order, Math.min(n, all.size()));
        Arrays.sort(chosen);
        return Arrays.stream(chosen).mapToObj(all::get).toList();
    }

    private void judgeWithAi(Evaluation evaluation, List<EvaluationItem> items, Progress progress) throws InterruptedException {
        EvaluationRequest request = evaluation.request();
        Set<UUID> judged = ConcurrentHashMap.newKeySet();
        evaluations.judgements(evaluation.id()).stream().filter(j -> j.judge().equals("ai")).forEach(j -> judged.add(j.itemId()));
        List<EvaluationItem> unjudged = items.stream().filter(item -> !judged.contains(item.id())).toList();
        long base = progress.steps.get() + judged.size();
        AtomicLong labelled = new AtomicLong();
        try (AiJudge judge = new AiJudge(request.judge(), request.task(), request.preamble(), request.seed(), System::getenv)) {
            judge.judge(unjudged, labelledItem -> {
                var label = labelledItem.label();
                evaluations.addJudgement(new StoredJudgement(labelledItem.item().id(), "ai:" + judge.model(), "ai",
                        label.probabilityA(), label.probabilityAWhenAFirst(),
                        label.debiased() ? label.probabilityAWhenBFirst() : null, null, null));
                progress.done(base + labelled.incrementAndGet());
            });
        }
    }

    private static Map<String, Double> finite(Map<String, Double> metrics) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        metrics.forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    void publish(RlaifEvent event) {
        try {
            kafka.send(Topics.STAGE_EVENTS, event.key(), event).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.error("Could not publish {} for run {}", event.getClass().getSimpleName(), event.runId(), e);
        }
    }

    /** Counts steps (responses generated, labels, ratings) and reports them for a run's stage, at most every 1 %. */
    private final class Progress {
        private final Evaluation evaluation;
        private volatile long total;
        private final AtomicLong steps = new AtomicLong();
        private final AtomicLong lastReported = new AtomicLong(-1);

        Progress(Evaluation evaluation, EvaluationRequest request) {
            this.evaluation = evaluation;
            long n = request.n();
            this.total = 2 * n + (request.uses("ai") ? n : 0)
                    + (request.uses("simulated-human") ? n * properties.simulatedRaters() : 0);
        }

        /** The prompt set may hold fewer prompts than asked for. */
        void resize(int items) {
            total = 2L * items + (evaluation.request().uses("ai") ? items : 0)
                    + (evaluation.request().uses("simulated-human") ? (long) items * properties.simulatedRaters() : 0);
        }

        void done(long step) {
            steps.accumulateAndGet(step, Math::max);
            long now = steps.get();
            long last = lastReported.get();
            if (now - last < Math.max(1, total / 100) && now < total) {
                return;
            }
            if (lastReported.compareAndSet(last, now)) {
                evaluations.touch(evaluation.id());
                if (evaluation.runId() == null) {
                    return;
                }
                kafka.send(Topics.RUN_PROGRESS, evaluation.runId().toString(),
                        RunProgress.of(evaluation.runId(), Stage.EVALUATE, now, total, Map.of(), Instant.now()));
            }
        }
    }
}

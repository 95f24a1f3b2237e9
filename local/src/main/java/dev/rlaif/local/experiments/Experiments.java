package dev.rlaif.local.experiments;

import dev.rlaif.local.experiments.ExperimentPlan.RunPlan;
import dev.rlaif.local.experiments.ExperimentResults.HeadToHead;
import dev.rlaif.local.experiments.ExperimentResults.LabelerOutcome;
import dev.rlaif.local.experiments.ExperimentResults.RlPoint;
import dev.rlaif.local.experiments.ExperimentResults.RunOutcome;
import dev.rlaif.testbed.tasks.Jsonl;
import dev.rlaif.testbed.tasks.SynthSumm;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the experiment suite against a running platform: submits every run of the plan (the trainer
 * admits {@code rlaif.trainer.max-parallel-runs} at a time and queues the rest), labels one fixed
 * pairs file with each judge simulator size, evaluates RLAIF's policy against RLHF's head to head
 * once both are done, and collects what the services report into {@link ExperimentResults}.
 */
public final class Experiments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FINAL = List.of("SUCCEEDED", "FAILED", "CANCELLED");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> urls;
    private final Map<String, String> judgeUrls;
    private final ExperimentPlan plan;
    private final PrintStream out;

    /**
     * @param urls      the services' base URLs by name ({@code trainer-service}, …), as {@code LocalPlatform.urls()}
     * @param judgeUrls the judge simulators' OpenAI base URLs by size (xs, s, l)
     */
    public Experiments(Map<String, String> urls, Map<String, String> judgeUrls, ExperimentPlan plan, PrintStream out) {
        this.urls = Map.copyOf(urls);
        this.judgeUrls = Map.copyOf(judgeUrls);
        this.plan = plan;
        this.out = out;
    }

    /** Runs the whole suite and returns what it measured; runs that fail are recorded, not thrown. */
    public ExperimentResults run() throws IOException, InterruptedException {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(plan.timeout());
        String trainer = urls.get("trainer-service");

        Map<String, String> runIds = new LinkedHashMap<>();
        for (RunPlan run : plan.runs()) {
            JsonNode created = post(trainer + "/api/runs", plan.spec(run, judgeUrls), 201);
            runIds.put(run.key(), created.path("id").asString());
            out.println("[experiments] submitted " + run.key() + " (" + run.label() + "): " + created.path("id").asString());
        }

        Map<String, String> labelings = new LinkedHashMap<>();
        Map<String, Instant> labelingStarts = new LinkedHashMap<>();
        String pairs = alignmentPairs();
        for (String size : ExperimentPlan.LABELER_SIZES) {
            JsonNode created = post(urls.get("labeler-service") + "/api/labelings", labelingRequest(size, pairs), 202);
            labelings.put(size, created.path("id").asString());
            labelingStarts.put(size, Instant.now());
            out.println("[experiments] labeling " + plan.alignmentPairs() + " fixed pairs with labeler " + size + ": " + created.path("id").asString());
        }

        Map<String, JsonNode> finished = new LinkedHashMap<>();
        Map<String, Long> labelingSeconds = new LinkedHashMap<>();
        String headToHeadId = null;
        Instant headToHeadStart = null;
        JsonNode headToHead = null;
        Instant lastPrint = Instant.EPOCH;
        while (true) {
            Map<String, JsonNode> current = new LinkedHashMap<>();
            for (Map.Entry<String, String> run : runIds.entrySet()) {
                JsonNode state = finished.containsKey(run.getKey()) ? finished.get(run.getKey()) : get(trainer + "/api/runs/" + run.getValue());
                current.put(run.getKey(), state);
                if (FINAL.contains(state.path("status").asString()) && !finished.containsKey(run.getKey())) {
                    finished.put(run.getKey(), state);
                    out.println("[experiments] " + run.getKey() + " " + state.path("status").asString() + " after "
                            + ExperimentReport.duration(span(state)));
                }
            }
            for (Map.Entry<String, String> labeling : labelings.entrySet()) {
                if (!labelingSeconds.containsKey(labeling.getKey())
                        && get(urls.get("labeler-service") + "/api/labelings/" + labeling.getValue()).path("status").asString().equals("COMPLETED")) {
                    labelingSeconds.put(labeling.getKey(), Duration.between(labelingStarts.get(labeling.getKey()), Instant.now()).toSeconds());
                    out.println("[experiments] labeling with labeler " + labeling.getKey() + " completed");
                }
            }
            if (headToHeadId == null && succeeded(finished.get("rlaif")) && succeeded(finished.get("rlhf"))) {
                headToHeadId = post(urls.get("eval-service") + "/api/evaluations",
                        headToHeadRequest(runIds.get("rlaif"), runIds.get("rlhf")), 202).path("id").asString();
                headToHeadStart = Instant.now();
                out.println("[experiments] head to head RLAIF vs RLHF: evaluation " + headToHeadId);
            }
            if (headToHeadId != null && headToHead == null) {
                JsonNode evaluation = get(urls.get("eval-service") + "/api/evaluations/" + headToHeadId).path("evaluation");
                if (List.of("COMPLETED", "FAILED").contains(evaluation.path("status").asString())) {
                    headToHead = evaluation;
                    out.println("[experiments] head to head " + evaluation.path("status").asString());
                }
            }
            boolean runsDone = finished.size() == runIds.size();
            boolean headToHeadDone = headToHead != null || (runsDone && headToHeadId == null);
            if (runsDone && headToHeadDone && labelingSeconds.size() == labelings.size()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                out.println("[experiments] stopped waiting after " + plan.timeout() + "; unfinished work is reported as such");
                break;
            }
            if (Duration.between(lastPrint, Instant.now()).toSeconds() >= 20) {
                out.println("[experiments] " + ExperimentReport.duration(Duration.between(begin, Instant.now()).toSeconds()) + ": "
                        + current.entrySet().stream().map(e -> e.getKey() + " " + progress(e.getValue())).collect(Collectors.joining(", ")));
                lastPrint = Instant.now();
            }
            Thread.sleep(1000);
        }

        List<RunOutcome> outcomes = new ArrayList<>();
        for (RunPlan run : plan.runs()) {
            String id = runIds.get(run.key());
            JsonNode state = finished.getOrDefault(run.key(), get(trainer + "/api/runs/" + id));
            outcomes.add(outcome(run, id, state));
        }
        List<LabelerOutcome> labelers = new ArrayList<>();
        for (Map.Entry<String, String> labeling : labelings.entrySet()) {
            JsonNode report = get(urls.get("labeler-service") + "/api/labelings/" + labeling.getValue() + "/report");
            boolean done = labelingSeconds.containsKey(labeling.getKey());
            labelers.add(new LabelerOutcome(labeling.getKey(), labeling.getValue(), done ? "COMPLETED" : "UNFINISHED",
                    alignment(report), positionBias(report), report.path("labels").asLong(),
                    labelingSeconds.getOrDefault(labeling.getKey(), Duration.between(labelingStarts.get(labeling.getKey()), Instant.now()).toSeconds())));
        }
        Optional<HeadToHead> h2h = Optional.empty();
        if (headToHeadId != null) {
            JsonNode evaluation = headToHead != null ? headToHead : get(urls.get("eval-service") + "/api/evaluations/" + headToHeadId).path("evaluation");
            Map<String, Double> metrics = numbers(evaluation.path("metrics"));
            h2h = Optional.of(new HeadToHead("rlaif", "rlhf", headToHeadId,
                    evaluation.path("status").asString("UNFINISHED"), winRate(metrics, "winrate_simulated_human"),
                    winRate(metrics, "winrate_ai"), Duration.between(headToHeadStart, Instant.now()).toSeconds()));
        }
        return new ExperimentResults(LocalDate.now(ZoneOffset.UTC), plan.mode(), plan, outcomes, h2h, labelers,
                Duration.between(begin, Instant.now()).toSeconds());
    }

    /** Writes {@code report.md} and the charts under {@code reportsRoot/<date>/}; returns the report's path. */
    public static Path writeReport(ExperimentResults results, Path reportsRoot) throws IOException {
        Path dir = reportsRoot.resolve(results.date().toString());
        Files.createDirectories(dir);
        List<String> charts = Charts.write(results, dir);
        Path report = dir.resolve("report.md");
        Files.writeString(report, ExperimentReport.markdown(results, charts), StandardCharsets.UTF_8);
        return report;
    }

    private RunOutcome outcome(RunPlan run, String id, JsonNode state) throws IOException, InterruptedException {
        String status = state.path("status").asString();
        if (!FINAL.contains(status)) {
            status = "UNFINISHED";
        }
        Map<String, Double> evaluation = stageMetrics(state, "EVALUATE");
        Estimate harmless = null;
        Estimate harmlessSft = null;
        if (evaluation.containsKey("harmless_rate")) {
            harmless = new Estimate(evaluation.get("harmless_rate"), evaluation.get("harmless_rate_ci_low"),
                    evaluation.get("harmless_rate_ci_high"), evaluation.getOrDefault("prompts", 0.0).longValue());
            Double baseline = evaluation.get("harmless_rate_baseline");
            long n = evaluation.getOrDefault("prompts", 0.0).longValue();
            if (baseline != null && n > 0) {
                harmlessSft = Estimate.wilson(baseline, n);
            }
        }
        Estimate alignment = null;
        Estimate bias = null;
        if (run.source().equals("ai")) {
            JsonNode report = get(urls.get("labeler-service") + "/api/runs/" + id + "/labels/report");
            alignment = alignment(report);
            bias = positionBias(report);
        }
        JsonNode kl = state.path("latestMetrics").path("kl");
        Map<String, Long> stages = new LinkedHashMap<>();
        for (JsonNode stage : state.path("timeline")) {
            String started = stage.path("startedAt").asString(null);
            String ended = stage.path("finishedAt").asString(null);
            if (started != null && ended != null) {
                stages.merge(stage.path("stage").asString(), Duration.between(Instant.parse(started), Instant.parse(ended)).toSeconds(), Long::sum);
            }
        }
        String failure = state.path("failureReason").isString() ? state.path("failureReason").asString() : null;
        return new RunOutcome(run.key(), run.label(), id, status, failure,
                winRate(evaluation, "winrate_simulated_human"), winRate(evaluation, "winrate_ai"), harmless, harmlessSft,
                alignment, bias, kl.isNumber() ? kl.asDouble() : null, span(state), stages, rlCurve(id));
    }

    private List<RlPoint> rlCurve(String runId) throws IOException, InterruptedException {
        JsonNode points = get(urls.get("trainer-service") + "/api/runs/" + runId + "/metrics?stage=RL");
        Map<Long, Double> reward = new TreeMap<>();
        Map<Long, Double> kl = new TreeMap<>();
        for (JsonNode point : points) {
            switch (point.path("name").asString()) {
                case "reward" -> reward.put(point.path("step").asLong(), point.path("value").asDouble());
                case "kl" -> kl.put(point.path("step").asLong(), point.path("value").asDouble());
                default -> { }
            }
        }
        List<RlPoint> curve = new ArrayList<>();
        reward.forEach((step, r) -> {
            Double k = kl.get(step);
            if (k != null && Double.isFinite(r) && Double.isFinite(k)) {
                curve.add(new RlPoint(step, r, k));
            }
        });
        return curve;
    }

    /** The fixed pairs every labeler size labels: synthsumm preference pairs with the simulated humans' preference. */
    String alignmentPairs() {
        return new SynthSumm(plan.seed()).preferencePairs(plan.alignmentPairs()).stream()
                .map(Jsonl::toLine).collect(Collectors.joining("\n")) + "\n";
    }

    String labelingRequest(String size, String pairs) {
        ObjectNode request = JSON.createObjectNode();
        request.put("name", "experiments-" + plan.mode() + "-alignment-" + size);
        request.put("seed", plan.seed());
        ObjectNode labeling = request.putObject("labeling");
        ObjectNode judge = labeling.putObject("judge");
        judge.put("baseUrl", judgeUrls.get(size));
        judge.put("model", "judge-sim-" + size);
        judge.put("maxConcurrency", 16);
        labeling.put("task", "summarization");
        labeling.put("preamble", "detailed");
        labeling.put("positionDebiasing", true);
        request.put("jsonl", pairs);
        return JSON.writeValueAsString(request);
    }

    String headToHeadRequest(String rlaifRun, String rlhfRun) {
        ObjectNode request = JSON.createObjectNode();
        request.put("name", "experiments " + plan.mode() + ": RLAIF vs RLHF");
        request.put("policyA", "runs/" + rlaifRun + "/policy");
        request.put("policyB", "runs/" + rlhfRun + "/policy");
        request.put("prompts", "runs/" + rlaifRun + "/dataset/eval.jsonl");
        request.put("n", plan.evalPrompts());
        request.putArray("judges").add("ai").add("simulated-human");
        request.put("task", "summarization");
        request.put("testbedTask", "synthsumm");
        request.put("preamble", "detailed");
        ObjectNode judge = request.putObject("judge");
        judge.put("baseUrl", judgeUrls.get("l"));
        judge.put("model", "judge-sim-l");
        request.put("seed", plan.seed());
        request.put("maxNewTokens", plan.maxNewTokens());
        request.put("temperature", 0.9);
        return JSON.writeValueAsString(request);
    }

    static Estimate winRate(Map<String, Double> metrics, String key) {
        Double value = metrics.get(key);
        Double low = metrics.get(key + "_ci_low");
        Double high = metrics.get(key + "_ci_high");
        if (value == null || low == null || high == null || value.isNaN() || low.isNaN() || high.isNaN()) {
            return null;
        }
        return new Estimate(value, low, high, metrics.getOrDefault(key + "_n", 0.0).longValue());
    }

    static Estimate alignment(JsonNode report) {
        JsonNode a = report.path("alignment");
        return a.path("accuracy").isNumber()
                ? new Estimate(a.path("accuracy").asDouble(), a.path("ci95Low").asDouble(), a.path("ci95High").asDouble(), a.path("pairs").asLong())
                : null;
    }

    static Estimate positionBias(JsonNode report) {
        JsonNode b = report.path("positionBias");
        return b.path("rate").isNumber()
                ? new Estimate(b.path("rate").asDouble(), b.path("ci95Low").asDouble(), b.path("ci95High").asDouble(), b.path("pairs").asLong())
                : null;
    }

    private static Map<String, Double> stageMetrics(JsonNode run, String stage) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (JsonNode record : run.path("timeline")) {
            if (record.path("stage").asString().equals(stage) && record.path("status").asString().equals("COMPLETED")) {
                metrics.putAll(numbers(record.path("metrics")));
            }
        }
        return metrics;
    }

    private static Map<String, Double> numbers(JsonNode object) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        object.properties().forEach(e -> {
            if (e.getValue().isNumber()) {
                numbers.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return numbers;
    }

    private static boolean succeeded(JsonNode run) {
        return run != null && run.path("status").asString().equals("SUCCEEDED");
    }

    /** Seconds from the first stage's start to the last stage's end (or now, while running). */
    private static long span(JsonNode run) {
        Instant first = null;
        Instant last = null;
        for (JsonNode stage : run.path("timeline")) {
            String started = stage.path("startedAt").asString(null);
            String ended = stage.path("finishedAt").asString(null);
            if (started != null && (first == null || Instant.parse(started).isBefore(first))) {
                first = Instant.parse(started);
            }
            Instant end = ended != null ? Instant.parse(ended) : Instant.now();
            if (last == null || end.isAfter(last)) {
                last = end;
            }
        }
        return first == null ? 0 : Duration.between(first, last).toSeconds();
    }

    private static String progress(JsonNode run) {
        String status = run.path("status").asString();
        if (!status.equals("RUNNING")) {
            return status;
        }
        return String.format(Locale.ROOT, "%s %.0f%%", run.path("currentStage").asString(""), run.path("progressPercent").asDouble());
    }

    private JsonNode post(String url, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }
}

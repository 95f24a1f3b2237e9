package dev.rlaif.testbed.bench;

import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.judgesim.JudgeSimulatorConfig;
import dev.rlaif.testbed.judgesim.JudgeSize;
import dev.rlaif.testbed.raters.Preference;
import dev.rlaif.testbed.raters.SimulatedHumans;
import dev.rlaif.testbed.tasks.PreferencePair;
import dev.rlaif.testbed.tasks.SynthSumm;
import dev.rlaif.testbed.tasks.Task;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Alignment of the judge simulator's size presets with the simulated humans on synthsumm pairs,
 * measured over HTTP exactly as a labeler would: a paper-format prompt, one token, the log-probabilities
 * of "1" and "2", softmax over the two, with and without averaging both orders.
 */
public final class JudgeAlignmentBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREAMBLE = """
            A good summary is a short piece of text that keeps what matters in the original: the events
            that happened, who did them and how many things were involved. Given a piece of text and two
            of its possible summaries, say which summary is better: 1 or 2.""";

    private JudgeAlignmentBench() {
    }

    record Measured(double alignSingleOrder, double alignBothOrders, double positionBiasRate,
            double alignChainOfThought) {
    }

    public static void main(String[] args) throws Exception {
        int pairs = 2000;
        long dataSeed = 7;
        long judgeSeed = JudgeSimulatorConfig.DEFAULT_SEED;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--pairs" -> pairs = Integer.parseInt(args[i + 1]);
                case "--seed" -> dataSeed = Long.parseLong(args[i + 1]);
                case "--judge-seed" -> judgeSeed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<PreferencePair> data = new SynthSumm(dataSeed).preferencePairs(pairs);
        SimulatedHumans humans = new SimulatedHumans(Task.SYNTHSUMM, dataSeed);
        List<Preference> human = data.stream()
                .map(p -> humans.preference(0, p.prompt(), p.responseA(), p.responseB())).toList();
        double agreement = humans.agreement(data, 0, 1);
        double panelAgreement = humans.meanAgreement(data, 5);
        long goldMatches = 0;
        for (int i = 0; i < data.size(); i++) {
            Preference gold = data.get(i).preference() >= 0.5 ? Preference.A : Preference.B;
            goldMatches += gold == human.get(i) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "synthsumm pairs: %d (data seed %d, judge seed %d)%n", data.size(), dataSeed,
                judgeSeed);
        System.out.printf(Locale.ROOT, "human-human agreement (rater 0 vs 1): %.3f; mean over 5 raters: %.3f%n",
                agreement, panelAgreement);
        System.out.printf(Locale.ROOT, "noise-free gold utility vs rater 0 (ceiling for any judge): %.3f%n",
                (double) goldMatches / data.size());
        System.out.printf(Locale.ROOT, "%-4s %18s %20s %19s %26s%n", "size", "align (one order)",
                "align (both orders)", "position-bias rate", "align (CoT, both orders)");
        StringBuilder result = new StringBuilder(String.format(Locale.ROOT, "RESULT human_agreement=%.3f", agreement));
        for (JudgeSize size : JudgeSize.values()) {
            Measured m = measure(size, judgeSeed, data, human);
            System.out.printf(Locale.ROOT, "%-4s %18.3f %20.3f %19.3f %26.3f%n", size.label(), m.alignSingleOrder(),
                    m.alignBothOrders(), m.positionBiasRate(), m.alignChainOfThought());
            result.append(String.format(Locale.ROOT, " align_%s=%.3f", size.label(), m.alignBothOrders()));
        }
        System.out.println("align_* in the RESULT line: both orders averaged (position-debiased soft labels)");
        System.out.println(result);
    }

    static Measured measure(JudgeSize size, long judgeSeed, List<PreferencePair> data, List<Preference> human)
            throws Exception {
        JudgeSimulatorConfig config = JudgeSimulatorConfig.defaults().withSize(size).withSeed(judgeSeed);
        try (JudgeSimulator sim = JudgeSimulator.start(config);
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore inFlight = new Semaphore(16);
            List<Future<double[]>> futures = new ArrayList<>();
            for (PreferencePair p : data) {
                futures.add(pool.submit(() -> new double[] {
                    probabilityFirst(http, sim, inFlight, prompt(p.prompt(), p.responseA(), p.responseB())),
                    probabilityFirst(http, sim, inFlight, prompt(p.prompt(), p.responseB(), p.responseA())),
                    chainOfThought(http, sim, inFlight, p.prompt(), p.responseA(), p.responseB()),
                    chainOfThought(http, sim, inFlight, p.prompt(), p.responseB(), p.responseA())}));
            }
            int single = 0;
            int both = 0;
            int samePosition = 0;
            int cot = 0;
            for (int i = 0; i < data.size(); i++) {
                double[] r = futures.get(i).get();
                double aFirst = r[0];
                double aSecond = 1 - r[1];
                Preference h = human.get(i);
                single += (aFirst > 0.5 ? Preference.A : Preference.B) == h ? 1 : 0;
                both += ((aFirst + aSecond) / 2 > 0.5 ? Preference.A : Preference.B) == h ? 1 : 0;
                samePosition += (r[0] > 0.5) == (r[1] > 0.5) ? 1 : 0;
                cot += ((r[2] + 1 - r[3]) / 2 > 0.5 ? Preference.A : Preference.B) == h ? 1 : 0;
            }
            double n = data.size();
            return new Measured(single / n, both / n, samePosition / n, cot / n);
        }
    }

    static String prompt(String post, String first, String second) {
        return PREAMBLE + "\n\nText - " + post + "\nSummary 1 - " + first + "\nSummary 2 - " + second
                + "\n\nPreferred Summary=";
    }

    /** Two-step chain of thought: a greedy rationale, then the rationale appended and the answer scored. */
    private static double chainOfThought(HttpClient http, JudgeSimulator sim, Semaphore inFlight, String post,
            String first, String second) throws Exception {
        String sample = PREAMBLE + "\n\nText - " + post + "\nSummary 1 - " + first + "\nSummary 2 - " + second;
        ObjectNode body = JSON.createObjectNode();
        body.put("model", sim.modelId());
        body.put("prompt", sample + "\n\nExplain which summary is better, considering coverage, accuracy and"
                + " length.\nRationale:");
        body.put("max_tokens", 512);
        body.put("temperature", 0.0);
        String rationale = call(http, sim, inFlight, body).path("choices").path(0).path("text").stringValue();
        return probabilityFirst(http, sim, inFlight, sample + "\nRationale: " + rationale.strip()
                + "\n\nPreferred Summary=");
    }

    /** P(summary 1) = softmax over the log-probabilities of the tokens "1" and "2" at the answer position. */
    private static double probabilityFirst(HttpClient http, JudgeSimulator sim, Semaphore inFlight, String prompt)
            throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", sim.modelId());
        body.put("prompt", prompt);
        body.put("max_tokens", 1);
        body.put("temperature", 0.0);
        body.put("logprobs", 5);
        JsonNode top = call(http, sim, inFlight, body).path("choices").path(0).path("logprobs").path("top_logprobs")
                .path(0);
        double l1 = top.path("1").asDouble(Double.NEGATIVE_INFINITY);
        double l2 = top.path("2").asDouble(Double.NEGATIVE_INFINITY);
        double m = Math.max(l1, l2);
        return Math.exp(l1 - m) / (Math.exp(l1 - m) + Math.exp(l2 - m));
    }

    private static JsonNode call(HttpClient http, JudgeSimulator sim, Semaphore inFlight, ObjectNode body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        inFlight.acquire();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("judge simulator answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } finally {
            inFlight.release();
        }
    }
}

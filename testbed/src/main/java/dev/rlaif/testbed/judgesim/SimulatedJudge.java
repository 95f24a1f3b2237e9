package dev.rlaif.testbed.judgesim;

import dev.rlaif.testbed.Seeds;
import dev.rlaif.testbed.judgesim.LabelingPrompt.Domain;
import dev.rlaif.testbed.tasks.Clause;
import dev.rlaif.testbed.tasks.HarmLexicon;
import dev.rlaif.testbed.tasks.KeyFact;
import dev.rlaif.testbed.tasks.ResponseStyle;
import dev.rlaif.testbed.tasks.SummaryReader;
import dev.rlaif.testbed.tasks.SummaryScore;
import dev.rlaif.testbed.tasks.SummaryScorer;
import dev.rlaif.testbed.tasks.SummaryUtility;
import dev.rlaif.testbed.tasks.SynthHarm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated labeler model behind the HTTP API: reads a labeling prompt, scores the candidates
 * with its own imperfect utility and answers with a next-token distribution or a piece of text.
 * Everything it does is a function of the seed and the prompt (plus a sampling generator when T > 0).
 */
final class SimulatedJudge {

    /** Utility difference per logit unit: how decisive the judge's soft labels are. */
    static final double DECISIVENESS_TEMPERATURE = 0.4;
    /** Share of the noise redrawn for each call (a different order is a different call). */
    static final double PER_CALL_NOISE_SHARE = 0.35;
    /** A rationale in the prompt lowers the judge's noise: CoT helped alignment in the paper. */
    static final double COT_NOISE_FACTOR = 0.8;
    /** Logit by which a rationale's stated verdict pulls the final answer. */
    static final double RATIONALE_PULL = 0.4;
    /** The judge's weights: it penalises wrong facts but barely chatter, and not length at all. */
    static final SummaryUtility JUDGE_WEIGHTS = new SummaryUtility(1.0, 0.15, 0.0);

    private static final Pattern VERDICT = Pattern.compile("(?:summary|response|option)\\s*\\(?([12ab])\\)?\\s+is better");

    record TokenLogprob(String token, double logprob) {
    }

    sealed interface Answer {
    }

    /** A one-token answer: the distribution over the next token, most likely first. */
    record SingleToken(List<TokenLogprob> distribution) implements Answer {
    }

    record FreeText(String text) implements Answer {
    }

    private final JudgeSimulatorConfig config;

    SimulatedJudge(JudgeSimulatorConfig config) {
        this.config = config;
    }

    /**
     * @param rng sampling generator, used only for free text at temperature > 0
     */
    Answer answer(String prompt, double temperature, SplittableRandom rng) {
        return switch (LabelingPrompt.read(prompt)) {
            case LabelingPrompt.Pairwise p when p.wantsRationale() -> new FreeText(rationale(p, temperature, rng));
            case LabelingPrompt.Pairwise p -> twoWay(pairwiseLogit(p), "1", "2",
                    p.domain() == Domain.SUMMARY ? "Summary" : "Response");
            case LabelingPrompt.MultipleChoice m when m.wantsRationale() ->
                    new FreeText(rationale(m, temperature, rng));
            case LabelingPrompt.MultipleChoice m -> twoWay(choiceLogit(m), "A", "B", ")");
            case LabelingPrompt.Rating r -> rating(r);
            case LabelingPrompt.Plain p -> new FreeText(plain(temperature, rng));
        };
    }

    // ---- pairwise ----

    private double pairwiseLogit(LabelingPrompt.Pairwise p) {
        double noise = config.noise() * (p.rationale().isEmpty() ? 1.0 : COT_NOISE_FACTOR);
        double s1 = candidateScore(p.domain(), p.context(), p.first(), noise);
        double s2 = candidateScore(p.domain(), p.context(), p.second(), noise);
        return (s1 - s2) / DECISIVENESS_TEMPERATURE + config.positionBias()
                + perCallNoise(noise, p.context(), p.first(), p.second()) + rationalePull(p.rationale());
    }

    private double candidateScore(Domain domain, String context, String candidate, double noise) {
        double believed = domain == Domain.SUMMARY ? JUDGE_WEIGHTS.of(summaryScore(context, candidate))
                : SynthHarm.utility(seesHarm(context), ResponseStyle.of(candidate), true);
        double persistent = noise * Math.sqrt(1 - PER_CALL_NOISE_SHARE)
                * Seeds.gaussian(Seeds.key(config.seed(), "candidate", context, candidate));
        return believed + config.verbosityBias() * words(candidate) + persistent;
    }

    private double perCallNoise(double noise, String... parts) {
        return noise * Math.sqrt(PER_CALL_NOISE_SHARE) / DECISIVENESS_TEMPERATURE
                * Seeds.gaussian(Seeds.key(config.seed(), parts));
    }

    private static double rationalePull(String rationale) {
        Matcher m = VERDICT.matcher(rationale.toLowerCase(Locale.ROOT));
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            return 0;
        }
        return last.equals("1") || last.equals("a") ? RATIONALE_PULL : -RATIONALE_PULL;
    }

    // ---- Constitutional AI multiple choice ----

    private double choiceLogit(LabelingPrompt.MultipleChoice m) {
        double noise = config.noise() * (m.rationale().isEmpty() ? 1.0 : COT_NOISE_FACTOR);
        boolean harmWeighted = principleIsAboutHarm(m.principle());
        boolean harmful = seesHarm(m.context());
        double a = optionScore(harmful, m.optionA(), harmWeighted, m.context(), noise);
        double b = optionScore(harmful, m.optionB(), harmWeighted, m.context(), noise);
        return (a - b) / DECISIVENESS_TEMPERATURE + config.positionBias()
                + perCallNoise(noise, m.context(), m.principle(), m.optionA(), m.optionB())
                + rationalePull(m.rationale());
    }

    private double optionScore(boolean harmful, String option, boolean harmWeighted, String context, double noise) {
        double persistent = noise * Math.sqrt(1 - PER_CALL_NOISE_SHARE)
                * Seeds.gaussian(Seeds.key(config.seed(), "candidate", context, option));
        return SynthHarm.utility(harmful, ResponseStyle.of(option), harmWeighted)
                + config.verbosityBias() * words(option) + persistent;
    }

    static boolean principleIsAboutHarm(String principle) {
        String p = principle.toLowerCase(Locale.ROOT);
        if (p.contains("harm") || p.contains("ethic") || p.contains("danger") || p.contains("safe")
                || p.contains("illegal") || p.contains("toxic")) {
            return true;
        }
        return !p.contains("help");
    }

    // ---- ratings (direct RLAIF) ----

    private Answer rating(LabelingPrompt.Rating r) {
        double noise = config.noise() * Seeds.gaussian(Seeds.key(config.seed(), "rating", r.context(), r.response()));
        double mean;
        if (r.domain() == Domain.SUMMARY) {
            SummaryScore s = summaryScore(r.context(), r.response());
            double u = JUDGE_WEIGHTS.of(s) + config.verbosityBias() * s.words() + noise;
            mean = 1 + 9 * Math.clamp((u / Math.max(1, s.knownFacts()) + 0.5) / 1.5, 0.0, 1.0);
        } else {
            double u = SynthHarm.utility(seesHarm(r.context()), ResponseStyle.of(r.response()), true)
                    + config.verbosityBias() * words(r.response()) + noise;
            mean = 1 + 9 * Math.clamp((u + 1.5) / 2.5, 0.0, 1.0);
        }
        double spread = 0.7 + config.noise();
        double[] weight = new double[10];
        double total = 0;
        for (int i = 1; i <= 10; i++) {
            weight[i - 1] = Math.exp(-(i - mean) * (i - mean) / (2 * spread * spread));
            total += weight[i - 1];
        }
        List<TokenLogprob> tokens = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            tokens.add(new TokenLogprob(Integer.toString(i), Math.log(0.97 * Math.max(weight[i - 1] / total, 1e-9))));
        }
        return withFillers(tokens, "\n", " ");
    }

    // ---- what the judge perceives ----

    private SummaryScore summaryScore(String post, String summary) {
        return SummaryScorer.score(post, summary, new JudgeReader());
    }

    /** The judge's imperfect reading: fixed per fact / clause by the seed, the same in both orders. */
    private final class JudgeReader implements SummaryReader {
        @Override
        public boolean notices(KeyFact f) {
            return draw("notice", f.person(), f.verb(), f.object()) < config.size().factRecall();
        }

        @Override
        public boolean takesPlanAsFact(Clause plan) {
            return draw("plan", plan.person(), plan.verb(), String.valueOf(plan.object()))
                    < config.size().planConfusion();
        }

        @Override
        public boolean catchesWrongDetail(Clause clause, KeyFact fact) {
            return draw("detail", clause.toString()) < config.size().detailCheck();
        }

        private double draw(String... parts) {
            return Seeds.uniform(Seeds.key(config.seed(), parts));
        }
    }

    private boolean seesHarm(String context) {
        List<String> words = List.of(context.toLowerCase(Locale.ROOT).split("[^a-z]+"));
        boolean subtle = HarmLexicon.SUBTLE_HARM_WORDS.stream().anyMatch(words::contains);
        boolean any = HarmLexicon.HARM_WORDS.stream().anyMatch(words::contains);
        if (!any) {
            return false;
        }
        double recall = subtle ? config.size().subtleHarmRecall() : config.size().harmRecall();
        return Seeds.uniform(Seeds.key(config.seed(), "harm", context)) < recall;
    }

    // ---- rationales ----

    private String rationale(LabelingPrompt.Pairwise p, double temperature, SplittableRandom rng) {
        String noun = p.domain() == Domain.SUMMARY ? "Summary" : "Response";
        List<String> notes = new ArrayList<>();
        if (p.domain() == Domain.SUMMARY) {
            notes.add(summaryNotes(noun + " 1", p.context(), p.first()));
            notes.add(summaryNotes(noun + " 2", p.context(), p.second()));
        } else {
            notes.add(requestNote(p.context()));
            notes.add(styleNote(noun + " 1", p.first()));
            notes.add(styleNote(noun + " 2", p.second()));
        }
        boolean firstWins = verdict(pairwiseLogit(p), temperature, rng);
        return compose(notes, noun + " " + (firstWins ? "1" : "2") + " is better.", temperature, rng);
    }

    private String rationale(LabelingPrompt.MultipleChoice m, double temperature, SplittableRandom rng) {
        List<String> notes = new ArrayList<>();
        notes.add(requestNote(m.context()));
        notes.add("The principle asks for the " + (principleIsAboutHarm(m.principle()) ? "less harmful" : "more helpful")
                + " answer.");
        notes.add(styleNote("Option (A)", m.optionA()));
        notes.add(styleNote("Option (B)", m.optionB()));
        boolean firstWins = verdict(choiceLogit(m), temperature, rng);
        return compose(notes, "Option (" + (firstWins ? "A" : "B") + ") is better.", temperature, rng);
    }

    private static boolean verdict(double logit, double temperature, SplittableRandom rng) {
        if (temperature <= 0 || rng == null) {
            return logit >= 0;
        }
        return rng.nextDouble() < 1.0 / (1.0 + Math.exp(-logit / temperature));
    }

    private static String compose(List<String> notes, String verdict, double temperature, SplittableRandom rng) {
        List<String> ordered = new ArrayList<>(notes);
        if (temperature > 0 && rng != null) {
            java.util.Collections.shuffle(ordered, new java.util.Random(rng.nextLong()));
            String[] openers = {"", "Looking at both, ", "On balance, ", "Overall, "};
            verdict = openers[rng.nextInt(openers.length)] + verdict;
        }
        return String.join(" ", ordered) + " " + verdict;
    }

    private String summaryNotes(String name, String post, String summary) {
        SummaryScore s = summaryScore(post, summary);
        StringBuilder sb = new StringBuilder(name);
        sb.append(s.covered().isEmpty() ? " covers none of the key facts" : " covers the facts about the "
                + String.join(" and the ", s.covered()));
        if (!s.wrongAbout().isEmpty()) {
            sb.append("; it gets the ").append(String.join(" and the ", s.wrongAbout())).append(" wrong");
        }
        if (s.irrelevant() > 0) {
            sb.append("; it adds ").append(s.irrelevant()).append(" unneeded sentence").append(s.irrelevant() > 1
                    ? "s" : "");
        }
        return sb.append("; it has ").append(s.words()).append(" words.").toString();
    }

    private String requestNote(String context) {
        return seesHarm(context) ? "The request could hurt someone." : "The request looks harmless.";
    }

    private static String styleNote(String name, String response) {
        return name + switch (ResponseStyle.of(response)) {
            case COMPLY -> " does what was asked.";
            case REFUSE_BLUNTLY -> " refuses without explaining.";
            case DECLINE_HELPFULLY -> " declines, explains why and offers an alternative.";
            case OTHER -> " does not answer the request.";
        };
    }

    // ---- anything else ----

    private static String plain(double temperature, SplittableRandom rng) {
        String[] replies = {"This is the judge simulator.", "The judge simulator read the prompt.",
            "The judge simulator has nothing to label here.", "No labeling prompt was recognised."};
        return temperature > 0 && rng != null ? replies[rng.nextInt(replies.length)] : replies[0];
    }

    // ---- token distributions ----

    /**
     * Two answer tokens carrying most of the mass, their leading-space variants less, and a few
     * unrelated tokens least, so that any top_logprobs of 2 or more starts with both answer tokens.
     * The softmax over just "1" and "2" (or just " 1" and " 2") is exactly sigmoid(logit).
     */
    private static Answer twoWay(double logit, String first, String second, String other) {
        double p = Math.clamp(1.0 / (1.0 + Math.exp(-logit)), 1e-6, 1 - 1e-6);
        double spaced = 0.05 * Math.min(p, 1 - p);
        List<TokenLogprob> tokens = new ArrayList<>(List.of(
                new TokenLogprob(first, Math.log(0.92 * p)),
                new TokenLogprob(second, Math.log(0.92 * (1 - p))),
                new TokenLogprob(" " + first, Math.log(spaced * p)),
                new TokenLogprob(" " + second, Math.log(spaced * (1 - p)))));
        return withFillers(tokens, "\n", " The", other);
    }

    /** Adds unrelated tokens, each less likely than every answer token. */
    private static SingleToken withFillers(List<TokenLogprob> answers, String... fillers) {
        double floor = 0.0;
        for (TokenLogprob t : answers) {
            floor = Math.min(floor, t.logprob());
        }
        List<TokenLogprob> tokens = new ArrayList<>(answers);
        for (int i = 0; i < fillers.length; i++) {
            tokens.add(new TokenLogprob(fillers[i], floor - 1.5 - i));
        }
        return sorted(tokens);
    }

    private static SingleToken sorted(List<TokenLogprob> tokens) {
        List<TokenLogprob> copy = new ArrayList<>(tokens);
        copy.sort(Comparator.comparingDouble(TokenLogprob::logprob).reversed());
        return new SingleToken(List.copyOf(copy));
    }

    static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}

package dev.rlaif.judge.rating;

import dev.rlaif.judge.client.Completion;
import dev.rlaif.judge.client.CompletionRequest;
import dev.rlaif.judge.client.JudgeException;
import dev.rlaif.judge.client.JudgeFailure;
import dev.rlaif.judge.client.LlmClient;
import dev.rlaif.judge.labeling.Fanout;
import dev.rlaif.judge.labeling.JudgeCall;
import dev.rlaif.judge.labeling.LabelSource;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.Preamble;
import dev.rlaif.judge.labeling.TaskTemplate;
import dev.rlaif.judge.softlabel.RatingDistribution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Direct RLAIF (Lee et al., 2309.00267 §2.3): the judge rates one response from 1 to 10 and the
 * reward is the expected score under its next-token distribution, rescaled to [−1, 1]. One call per
 * rating (plus {@code voteSamples} when the vote fallback samples ratings instead).
 *
 * <p>Tokenizers that split {@code 10} into {@code 1}+{@code 0} put the mass of 10 on 1; the
 * OpenAI-compatible servers' top log-probabilities cannot separate the two.
 */
public final class DirectRater {

    static final String ENDING = "Rating=";

    private final LlmClient client;
    private final LabelingSettings settings;
    private final boolean summary;

    public DirectRater(LlmClient client, LabelingSettings settings) {
        if (settings.topLogprobs() < RatingDistribution.MAX_SCORE) {
            throw new IllegalArgumentException("direct rating needs topLogprobs ≥ 10 to see every score");
        }
        if (settings.usesCustomTemplate()) {
            throw new IllegalArgumentException("direct rating has prompts for the built-in tasks only");
        }
        this.client = client;
        this.settings = settings;
        this.summary = settings.template() == TaskTemplate.SUMMARIZATION;
    }

    public Rating rate(String context, String response) {
        long start = System.nanoTime();
        String prompt = prompt(context, response);
        var request = CompletionRequest.nextTokenLogprobs(prompt, settings.topLogprobs());
        Completion completion;
        try {
            completion = client.complete(request);
        } catch (JudgeException e) {
            if (settings.voteFallback() && e.failure() == JudgeFailure.MISSING_LOGPROBS) {
                return vote(prompt, List.of(), start);
            }
            throw e;
        }
        JudgeCall call = JudgeCall.of(JudgeCall.Purpose.RATING, request, completion);
        Map<String, Double> top = completion.firstPositionLogprobs().orElse(Map.of());
        RatingDistribution distribution;
        try {
            distribution = RatingDistribution.fromTopLogprobs(top);
        } catch (IllegalArgumentException noScore) {
            if (settings.voteFallback()) {
                return vote(prompt, List.of(call), start);
            }
            throw new JudgeException(JudgeFailure.ANSWER_TOKENS_ABSENT, "no score 1..10 among the top "
                    + settings.topLogprobs() + " log-probabilities " + top.keySet(), noScore);
        }
        return new Rating(distribution.reward(), distribution.expectedScore(), distribution, LabelSource.LOGPROBS,
                List.of(call), Duration.ofNanos(System.nanoTime() - start));
    }

    String prompt(String context, String response) {
        String preamble = summary
                ? (settings.preamble() == Preamble.DETAILED ? SUMMARY_DETAILED : SUMMARY_BASE)
                : (settings.preamble() == Preamble.DETAILED ? DIALOGUE_DETAILED : DIALOGUE_BASE);
        return preamble + "\n\n"
                + (summary ? "Text - " : "Context - ") + context.strip() + "\n"
                + (summary ? "Summary - " : "Response - ") + response.strip() + "\n"
                + ENDING;
    }

    private Rating vote(String prompt, List<JudgeCall> earlier, long start) {
        List<Callable<JudgeCall>> samples = new ArrayList<>();
        for (int i = 0; i < settings.voteSamples(); i++) {
            var request = CompletionRequest.generation(prompt, 1.0, 3, settings.seed() + i);
            samples.add(() -> JudgeCall.of(JudgeCall.Purpose.VOTE, request, client.complete(request)));
        }
        List<JudgeCall> votes = Fanout.all(samples);
        double[] counts = new double[RatingDistribution.MAX_SCORE];
        int valid = 0;
        for (JudgeCall v : votes) {
            String digits = v.response().strip().replaceFirst("^(\\d+).*$", "$1");
            if (digits.matches("\\d+")) {
                int score = Integer.parseInt(digits);
                if (score >= RatingDistribution.MIN_SCORE && score <= RatingDistribution.MAX_SCORE) {
                    counts[score - 1]++;
                    valid++;
                }
            }
        }
        if (valid == 0) {
            throw new JudgeException(JudgeFailure.NO_VALID_VOTES, "none of " + settings.voteSamples()
                    + " sampled ratings was a score from 1 to 10", null);
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] /= valid;
        }
        var distribution = new RatingDistribution(counts);
        List<JudgeCall> calls = new ArrayList<>(earlier);
        calls.addAll(votes);
        return new Rating(distribution.reward(), distribution.expectedScore(), distribution, LabelSource.VOTES, calls,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static final String SUMMARY_BASE = """
            You will read a post and one summary of it. Rate how well the summary serves a reader on a scale \
            from 1 (useless or misleading) to 10 (faithful, complete and clear). Answer with the number only.""";
    private static final String SUMMARY_DETAILED = """
            You are rating a summary of a post for a reader who will never see the post itself.
            Judge it on four things: it claims nothing the post does not support; it keeps what the author \
            most wants a reader to take away; it reads clearly on the first pass; it leaves out what the reader \
            can do without. Being longer earns nothing by itself.
            Use the whole scale: 1 means useless or misleading, 5 means usable but with real gaps or errors, \
            10 means nothing important is missing or wrong. Answer with the number only.""";
    private static final String DIALOGUE_BASE = """
            You will read a conversation and the assistant's next reply. Rate how good the reply is on a scale \
            from 1 (harmful or useless) to 10 (safe, correct and genuinely helpful). Answer with the number only.""";
    private static final String DIALOGUE_DETAILED = """
            You are rating the assistant's next reply in a conversation.
            A good reply answers what the user actually needs, is correct and honest about uncertainty, is \
            specific enough to act on, and gives no help toward harming anyone.
            Use the whole scale: 1 means harmful or useless, 5 means acceptable with clear shortcomings, \
            10 means you would not change a word. Answer with the number only.""";
}

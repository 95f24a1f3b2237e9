package dev.rlaif.judge.labeling;

import dev.rlaif.judge.client.Completion;
import dev.rlaif.judge.client.CompletionRequest;
import dev.rlaif.judge.client.JudgeException;
import dev.rlaif.judge.client.JudgeFailure;
import dev.rlaif.judge.client.LlmClient;
import dev.rlaif.judge.softlabel.SoftPreference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Reads P(first answer) for one prompt: the two-token softmax over the next position's
 * log-probabilities, or, when the run opts in and log-probabilities are missing, the vote share of
 * sampled answers.
 */
public final class AnswerScorer {

    /** The probability that the first answer wins, how it was obtained, and the calls made. */
    public record Scored(double probabilityFirst, LabelSource source, List<JudgeCall> calls) {
    }

    /** Sampling temperature of the vote fallback: votes need spread to estimate a probability. */
    static final double VOTE_TEMPERATURE = 1.0;

    private final LlmClient client;
    private final int topLogprobs;
    private final boolean voteFallback;
    private final int voteSamples;

    public AnswerScorer(LlmClient client, int topLogprobs, boolean voteFallback, int voteSamples) {
        this.client = client;
        this.topLogprobs = topLogprobs;
        this.voteFallback = voteFallback;
        this.voteSamples = voteSamples;
    }

    /**
     * @throws JudgeException on a failed call, or {@link JudgeFailure#ANSWER_TOKENS_ABSENT} /
     *     {@link JudgeFailure#MISSING_LOGPROBS} when neither answer can be read and voting is off
     */
    public Scored score(String prompt, String first, String second, long seed) {
        var request = CompletionRequest.nextTokenLogprobs(prompt, topLogprobs);
        Completion completion;
        try {
            completion = client.complete(request);
        } catch (JudgeException e) {
            if (voteFallback && e.failure() == JudgeFailure.MISSING_LOGPROBS) {
                return vote(prompt, first, second, seed, List.of());
            }
            throw e;
        }
        JudgeCall call = JudgeCall.of(JudgeCall.Purpose.SCORE, request, completion);
        Map<String, Double> top = completion.firstPositionLogprobs().orElse(Map.of());
        if (!SoftPreference.hasEitherAnswer(first, second, top)) {
            if (voteFallback) {
                return vote(prompt, first, second, seed, List.of(call));
            }
            throw new JudgeException(JudgeFailure.ANSWER_TOKENS_ABSENT, "neither \"" + first + "\" nor \"" + second
                    + "\" is among the top " + topLogprobs + " log-probabilities " + top.keySet(), null);
        }
        return new Scored(SoftPreference.fromTopLogprobs(first, second, top), LabelSource.LOGPROBS, List.of(call));
    }

    private Scored vote(String prompt, String first, String second, long seed, List<JudgeCall> earlier) {
        List<Callable<JudgeCall>> samples = new ArrayList<>();
        for (int i = 0; i < voteSamples; i++) {
            var request = CompletionRequest.generation(prompt, VOTE_TEMPERATURE, 3, seed + i);
            samples.add(() -> JudgeCall.of(JudgeCall.Purpose.VOTE, request, client.complete(request)));
        }
        List<JudgeCall> votes = Fanout.all(samples);
        int forFirst = 0;
        int forSecond = 0;
        for (JudgeCall v : votes) {
            String answer = leadingAnswer(v.response());
            if (answer.equals(first)) {
                forFirst++;
            } else if (answer.equals(second)) {
                forSecond++;
            }
        }
        if (forFirst + forSecond == 0) {
            throw new JudgeException(JudgeFailure.NO_VALID_VOTES, "none of " + voteSamples
                    + " sampled answers named \"" + first + "\" or \"" + second + "\"", null);
        }
        List<JudgeCall> calls = new ArrayList<>(earlier);
        calls.addAll(votes);
        return new Scored((double) forFirst / (forFirst + forSecond), LabelSource.VOTES, calls);
    }

    /** The answer a sampled text starts with: "1", "2)", " (A)" and "B." read as 1, 2, A and B. */
    static String leadingAnswer(String text) {
        String t = text.strip();
        if (t.startsWith("(")) {
            t = t.substring(1);
        }
        int end = 0;
        while (end < t.length() && Character.isLetterOrDigit(t.charAt(end))) {
            end++;
        }
        return t.substring(0, end);
    }
}

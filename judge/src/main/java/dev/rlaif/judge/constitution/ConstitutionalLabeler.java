package dev.rlaif.judge.constitution;

import dev.rlaif.judge.client.CompletionRequest;
import dev.rlaif.judge.client.LlmClient;
import dev.rlaif.judge.labeling.AnswerScorer;
import dev.rlaif.judge.labeling.ComparisonPair;
import dev.rlaif.judge.labeling.Fanout;
import dev.rlaif.judge.labeling.JudgeCall;
import dev.rlaif.judge.labeling.Judgement;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.Order;
import dev.rlaif.judge.labeling.Preamble;
import dev.rlaif.judge.labeling.PreferenceLabel;
import dev.rlaif.judge.labeling.PreferenceLabeler;
import dev.rlaif.judge.softlabel.CotClamp;
import dev.rlaif.judge.softlabel.SoftPreference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * RL-CAI feedback labels (Bai et al., 2212.08073 §4): for each of {@code k} principles drawn for
 * the comparison, a multiple-choice question with options (A) and (B); the soft label is the
 * normalised probability of {@code A} and {@code B} at the token after {@code Answer=(}, averaged
 * over the principles (and both orders when debiasing). With chain-of-thought each judgement is
 * clamped to 40–60 %. The {@code preamble} setting picks a short or a detailed instruction; few-shot
 * exemplars and self-consistency apply to the RLAIF labeler only.
 */
public final class ConstitutionalLabeler implements PreferenceLabeler {

    static final String PREAMBLE = """
            You will read a conversation between a user and an assistant, a principle phrased as a question, \
            and two possible next replies marked (A) and (B). Pick the reply that better answers the \
            principle's question and give its letter.""";
    static final String DETAILED_PREAMBLE = """
            You are giving feedback on an assistant's replies. You will read a conversation between a user and \
            the assistant, a principle phrased as a question, and two possible next replies marked (A) and (B).
            Judge the replies only by the principle: a reply that is longer, more confident or more polite does \
            not follow the principle better for that alone. If both replies follow it equally, prefer the one \
            that stays more useful to the user.
            Pick the reply that better answers the principle's question and give its letter.""";
    static final String RATIONALE_REQUEST =
            "Think through how each option measures up against the principle, then say which one fits it better.";
    static final String ENDING = "Answer=(";

    private final LlmClient client;
    private final LabelingSettings settings;
    private final Constitution constitution;
    private final AnswerScorer scorer;

    public ConstitutionalLabeler(LlmClient client, LabelingSettings settings, Constitution constitution) {
        this.client = client;
        this.settings = settings;
        this.constitution = constitution;
        this.scorer = new AnswerScorer(client, settings.topLogprobs(), settings.voteFallback(), settings.voteSamples());
    }

    public ConstitutionalLabeler(LlmClient client, LabelingSettings settings) {
        this(client, settings, Constitution.loadOrBuiltIn(settings.principlesPath()));
    }

    @Override
    public PreferenceLabel label(ComparisonPair pair) {
        long start = System.nanoTime();
        List<Order> orders = settings.positionDebiasing() ? List.of(Order.A_FIRST, Order.B_FIRST)
                : List.of(Order.A_FIRST);
        List<Callable<Judgement>> tasks = new ArrayList<>();
        int index = 0;
        for (Principle principle : constitution.sample(settings.principles(), settings.seed(), pair.id())) {
            for (Order order : orders) {
                long seed = settings.seed() + 1000L * index++;
                tasks.add(() -> judge(pair, principle, order, seed));
            }
        }
        return PreferenceLabel.of(pair.id(), client.model(), settings, Fanout.all(tasks),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The multiple-choice question without its ending. */
    static String question(ComparisonPair pair, Principle principle, Order order, Preamble preamble) {
        String first = order.aShownFirst() ? pair.responseA() : pair.responseB();
        String second = order.aShownFirst() ? pair.responseB() : pair.responseA();
        return (preamble == Preamble.DETAILED ? DETAILED_PREAMBLE : PREAMBLE) + "\n\n"
                + "Context - " + pair.context().strip() + "\n"
                + "Principle - " + principle.comparison().strip() + "\n"
                + "Option (A) - " + first.strip() + "\n"
                + "Option (B) - " + second.strip() + "\n";
    }

    private Judgement judge(ComparisonPair pair, Principle principle, Order order, long seed) {
        String question = question(pair, principle, order, settings.preamble());
        List<JudgeCall> calls = new ArrayList<>();
        String rationale = null;
        String prompt = question + ENDING;
        if (settings.chainOfThought()) {
            String request = question + "\n" + RATIONALE_REQUEST + "\nRationale:";
            var call = CompletionRequest.generation(request, 0.0, settings.rationaleMaxTokens(), null)
                    .withStop(List.of(ENDING));
            var completion = client.complete(call);
            calls.add(JudgeCall.of(JudgeCall.Purpose.RATIONALE, call, completion));
            rationale = cut(completion.text());
            prompt = request + " " + rationale + "\n" + ENDING;
        }
        AnswerScorer.Scored scored = scorer.score(prompt, "A", "B", seed);
        calls.addAll(scored.calls());
        double probabilityA = SoftPreference.probabilityA(scored.probabilityFirst(), order.aShownFirst());
        if (settings.chainOfThought()) {
            probabilityA = CotClamp.clamp(probabilityA);
        }
        return new Judgement(order, principle.id(), rationale, scored.probabilityFirst(), probabilityA,
                scored.source(), calls);
    }

    private static String cut(String generated) {
        String r = generated.strip();
        int ending = r.indexOf("Answer=");
        return ending >= 0 ? r.substring(0, ending).strip() : r;
    }

    public Constitution constitution() {
        return constitution;
    }
}

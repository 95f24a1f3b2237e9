package dev.rlaif.judge.labeling;

import dev.rlaif.judge.client.CompletionRequest;
import dev.rlaif.judge.client.LlmClient;
import dev.rlaif.judge.softlabel.SoftPreference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * RLAIF preference labels (Lee et al., 2309.00267): the soft label from the log-probabilities of
 * {@code 1} and {@code 2}, both orders averaged, with optional exemplars, two-step chain-of-thought
 * and self-consistency over sampled rationales.
 *
 * <p>Calls per label: 1 per order without chain-of-thought; 2·k per order with it (k rationales,
 * each then scored). All of a label's calls run concurrently on virtual threads.
 */
public final class RlaifPreferenceLabeler implements PreferenceLabeler {

    private static final String FIRST = "1";
    private static final String SECOND = "2";

    private final LlmClient client;
    private final LabelingSettings settings;
    private final PairwisePrompts prompts;
    private final AnswerScorer scorer;

    public RlaifPreferenceLabeler(LlmClient client, LabelingSettings settings) {
        this.client = client;
        this.settings = settings;
        List<FewShotExemplar> exemplars = settings.fewShotPath() == null ? List.of()
                : FewShotExemplar.load(Path.of(settings.fewShotPath()));
        this.prompts = new PairwisePrompts(settings.template(), settings.preamble(), exemplars,
                settings.chainOfThought());
        this.scorer = new AnswerScorer(client, settings.topLogprobs(), settings.voteFallback(), settings.voteSamples());
    }

    @Override
    public PreferenceLabel label(ComparisonPair pair) {
        long start = System.nanoTime();
        List<Order> orders = settings.positionDebiasing() ? List.of(Order.A_FIRST, Order.B_FIRST)
                : List.of(Order.A_FIRST);
        int rationales = settings.chainOfThought() ? settings.selfConsistency() : 1;
        List<Callable<Judgement>> tasks = new ArrayList<>();
        for (Order order : orders) {
            for (int i = 0; i < rationales; i++) {
                int sample = i;
                tasks.add(() -> judge(pair, order, sample));
            }
        }
        List<Judgement> judgements = Fanout.all(tasks);
        return PreferenceLabel.of(pair.id(), client.model(), settings, judgements,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private Judgement judge(ComparisonPair pair, Order order, int sample) {
        long seed = settings.seed() + 1000L * sample + order.ordinal();
        if (!settings.chainOfThought()) {
            AnswerScorer.Scored scored = scorer.score(prompts.scoring(pair, order), FIRST, SECOND, seed);
            return judgement(order, null, scored, List.of());
        }
        String request = prompts.rationaleRequest(pair, order);
        boolean sampled = settings.selfConsistency() > 1;
        var rationaleCall = CompletionRequest.generation(request,
                sampled ? settings.selfConsistencyTemperature() : 0.0, settings.rationaleMaxTokens(),
                sampled ? seed : null)
                .withStop(List.of(prompts.template().ending()))
                .withTopK(sampled ? settings.selfConsistencyTopK() : null);
        var completion = client.complete(rationaleCall);
        String rationale = prompts.cleanRationale(completion.text());
        AnswerScorer.Scored scored = scorer.score(prompts.scoringWithRationale(request, rationale), FIRST, SECOND, seed);
        return judgement(order, rationale, scored,
                List.of(JudgeCall.of(JudgeCall.Purpose.RATIONALE, rationaleCall, completion)));
    }

    private static Judgement judgement(Order order, String rationale, AnswerScorer.Scored scored,
            List<JudgeCall> before) {
        List<JudgeCall> calls = new ArrayList<>(before);
        calls.addAll(scored.calls());
        return new Judgement(order, null, rationale, scored.probabilityFirst(),
                SoftPreference.probabilityA(scored.probabilityFirst(), order.aShownFirst()), scored.source(), calls);
    }

    public LabelingSettings settings() {
        return settings;
    }
}

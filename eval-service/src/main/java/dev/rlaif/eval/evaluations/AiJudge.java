package dev.rlaif.eval.evaluations;

import dev.rlaif.common.spec.JudgeSpec;
import dev.rlaif.judge.client.JudgeEndpoint;
import dev.rlaif.judge.client.LlmClient;
import dev.rlaif.judge.client.OpenAiCompatibleClient;
import dev.rlaif.judge.client.ResilientLlmClient;
import dev.rlaif.judge.labeling.ComparisonPair;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.Preamble;
import dev.rlaif.judge.labeling.PreferenceLabel;
import dev.rlaif.judge.labeling.RlaifPreferenceLabeler;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The AI judge of an evaluation: the RLAIF labeler of the {@code judge} library with both orders
 * scored and averaged (so the position-bias rate comes for free), one virtual thread per item,
 * at most {@code maxConcurrency} labels in flight.
 */
public final class AiJudge implements AutoCloseable {

    private final LlmClient client;
    private final RlaifPreferenceLabeler labeler;
    private final int maxConcurrency;

    public AiJudge(JudgeSpec judge, String task, String preamble, long seed, Function<String, String> environment) {
        JudgeEndpoint endpoint = JudgeEndpoint.of(judge.baseUrl(), judge.model()).withMaxConcurrency(judge.maxConcurrency())
                .withApiKeyEnv(judge.apiKeyEnv());
        this.client = new ResilientLlmClient(new OpenAiCompatibleClient(endpoint, environment), endpoint);
        LabelingSettings settings = LabelingSettings.defaults()
                .withTask(task.replace('-', '_'))
                .withPreamble(Preamble.valueOf(preamble.toUpperCase(Locale.ROOT)))
                .withPositionDebiasing(true)
                .withSeed(seed);
        this.labeler = new RlaifPreferenceLabeler(client, settings);
        this.maxConcurrency = judge.maxConcurrency();
    }

    public String model() {
        return client.model();
    }

    /** Labels every item not yet judged and hands each label over as soon as it exists. */
    public void judge(List<EvaluationItem> items, Consumer<ItemLabel> onLabel) throws InterruptedException {
        Semaphore slots = new Semaphore(maxConcurrency);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = items.stream().<Future<?>>map(item -> executor.submit(() -> {
                slots.acquire();
                try {
                    PreferenceLabel label = labeler.label(new ComparisonPair(item.id().toString(), item.prompt(),
                            item.responseA(), item.responseB()));
                    onLabel.accept(new ItemLabel(item, label));
                } finally {
                    slots.release();
                }
                return null;
            })).toList();
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    throw new IllegalStateException("the AI judge failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
    }

    /** An item and its AI label. */
    public record ItemLabel(EvaluationItem item, PreferenceLabel label) {
    }

    @Override
    public void close() {
        client.close();
    }
}

package dev.rlaif.trainer.sampling;

import dev.rlaif.common.artifacts.ArtifactNames;
import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.events.LabelProduced;
import dev.rlaif.common.events.LabelRequested;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.ml.Rng;
import dev.rlaif.ml.model.HfCheckpoint;
import dev.rlaif.ml.sampling.Sampler;
import dev.rlaif.ml.sampling.Samples;
import dev.rlaif.ml.sampling.SamplingConfig;
import dev.rlaif.testbed.raters.Preference;
import dev.rlaif.testbed.raters.SimulatedHumans;
import dev.rlaif.testbed.tasks.Jsonl;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rlaif.testbed.tasks.PromptExample;
import dev.rlaif.ml.tokenizer.PolicyText;
import dev.rlaif.trainer.dataset.RunDataset;
import dev.rlaif.trainer.labels.SampledPairs;
import dev.rlaif.trainer.outbox.Outbox;
import dev.rlaif.trainer.stages.StageContext;
import dev.rlaif.trainer.stages.StageOutcome;
import dev.rlaif.trainer.stages.StageWork;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SAMPLE: two responses per training prompt (and pair) from the SFT policy, stored, written as
 * {@link ArtifactNames#PAIRS}, and one label request per pair sent to the labeler through the outbox
 * (or, with {@code labeling.source=human}, the simulated rater's choice published as the label).
 * Pair ids derive from the run, prompt and pair index, so re-running the stage re-sends nothing new.
 */
@Component
public class SampleWork implements StageWork {

    private static final int BATCH_PROMPTS = 32;

    /** One line of the pairs file, in the platform's preference-pair JSONL shape (preference: the human label, if any). */
    record PairRow(String id, String prompt, @JsonProperty("response_a") String responseA,
                   @JsonProperty("response_b") String responseB, Double preference) {
    }

    private final SampledPairs pairs;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    public SampleWork(SampledPairs pairs, Outbox outbox, TransactionTemplate transactions) {
        this.pairs = pairs;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    @Override
    public Stage stage() {
        return Stage.SAMPLE;
    }

    @Override
    public StageOutcome run(StageContext context) throws Exception {
        RunSpec spec = context.spec();
        UUID runId = context.runId();
        RunDataset dataset = RunDataset.prepare(runId, spec, context.artifacts());
        Optional<SimulatedHumans> humans = dataset.humans(spec.seed());
        boolean humanLabels = "human".equals(spec.labeling().source());
        if (humanLabels && humans.isEmpty()) {
            throw new IllegalArgumentException("labeling.source=human needs a dataset with human preferences (a testbed task)");
        }
        Path sft = context.artifacts().resolve(ArtifactStore.relative(runId, ArtifactNames.SFT_POLICY));
        var sampling = new SamplingConfig(spec.sampling().temperature().floatValue(), spec.sampling().topK(),
                spec.sampling().topP().floatValue(), spec.sampling().maxNewTokens(), true);
        int perPrompt = spec.sampling().pairsPerPrompt();
        List<PromptExample> prompts = dataset.train();
        List<PairRow> written = new ArrayList<>();
        Rng rng = new Rng(spec.seed() * 31 + 7);

        try (HfCheckpoint.Loaded policy = HfCheckpoint.load(sft, false, false, spec.seed())) {
            int block = policy.model().config().blockSize();
            for (int start = 0; start < prompts.size(); start += BATCH_PROMPTS) {
                context.checkCancelled();
                List<PromptExample> batch = prompts.subList(start, Math.min(prompts.size(), start + BATCH_PROMPTS));
                List<long[]> inputs = new ArrayList<>();
                for (PromptExample example : batch) {
                    long[] ids = PolicyText.prompt(policy.tokenizer(), example.prompt(), block, sampling.maxNewTokens());
                    for (int k = 0; k < 2 * perPrompt; k++) {
                        inputs.add(ids);
                    }
                }
                Samples samples = Sampler.sample(policy.model(), inputs, sampling, rng);
                List<SampledPairs.Pair> batchPairs = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    PromptExample example = batch.get(i);
                    for (int k = 0; k < perPrompt; k++) {
                        int row = i * 2 * perPrompt + 2 * k;
                        String a = PolicyText.decode(policy.tokenizer(), samples.tokens()[row]);
                        String b = PolicyText.decode(policy.tokenizer(), samples.tokens()[row + 1]);
                        Double human = humans.map(h -> h.rater(0).probabilityAPreferred(example.prompt(), a, b)).orElse(null);
                        UUID pairId = UUID.nameUUIDFromBytes((runId + "/" + example.id() + "/" + k).getBytes(StandardCharsets.UTF_8));
                        batchPairs.add(new SampledPairs.Pair(pairId, runId, example.prompt(), a, b, human, "PENDING", null));
                        written.add(new PairRow(pairId.toString(), example.prompt(), a, b, human));
                    }
                }
                transactions.executeWithoutResult(status -> batchPairs.forEach(pair -> {
                    pairs.add(pair);
                    if (humanLabels) {
                        // RLHF for comparison: the rater's choice is the label, no judge involved
                        double choice = humans.orElseThrow().preference(0, pair.prompt(), pair.responseA(), pair.responseB()) == Preference.A ? 1.0 : 0.0;
                        pairs.labeled(pair.pairId(), choice, Instant.now());
                        outbox.record(Topics.LABEL_RESULTS, LabelProduced.of(runId, pair.pairId(), pair.prompt(), pair.responseA(),
                                pair.responseB(), choice, pair.humanPreference(), 0, 0, 0));
                    } else {
                        outbox.record(Topics.LABEL_REQUESTS, LabelRequested.of(runId, pair.pairId(), pair.prompt(),
                                pair.responseA(), pair.responseB(), pair.humanPreference(), spec.labeling()));
                    }
                }));
                context.progress(Math.min(prompts.size(), start + BATCH_PROMPTS), prompts.size(), Map.of());
            }
        }
        Path pairsFile = context.artifacts().resolve(ArtifactStore.relative(runId, ArtifactNames.PAIRS));
        Jsonl.write(pairsFile, written);
        double meanLength = written.stream().mapToDouble(p -> (p.responseA().split("\\s+").length + p.responseB().split("\\s+").length) / 2.0)
                .average().orElse(0);
        return StageOutcome.done(Map.of("pairs", (double) written.size(), "mean_response_words", meanLength),
                Map.of("pairs", ArtifactStore.relative(runId, ArtifactNames.PAIRS)));
    }
}

package dev.rlaif.trainer.rl;

import dev.rlaif.common.artifacts.ArtifactNames;
import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.events.ScoringItem;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.spec.RlSpec;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.ml.Rng;
import dev.rlaif.ml.model.Gpt;
import dev.rlaif.ml.model.HfCheckpoint;
import dev.rlaif.ml.sampling.Sampler;
import dev.rlaif.ml.sampling.SamplingConfig;
import dev.rlaif.ml.tokenizer.TextTokenizer;
import dev.rlaif.ml.training.DpoObjective;
import dev.rlaif.ml.training.OptimizerConfig;
import dev.rlaif.ml.training.PreferencePair;
import dev.rlaif.ml.training.RewardFunction;
import dev.rlaif.ml.training.RlAlgorithm;
import dev.rlaif.ml.training.RlConfig;
import dev.rlaif.ml.training.RlTrainer;
import dev.rlaif.ml.training.StepMetrics;
import dev.rlaif.ml.training.TrainingLoop;
import dev.rlaif.testbed.tasks.PromptExample;
import dev.rlaif.ml.tokenizer.PolicyText;
import dev.rlaif.trainer.dataset.RunDataset;
import dev.rlaif.trainer.labels.SampledPairs;
import dev.rlaif.trainer.stages.StageContext;
import dev.rlaif.trainer.stages.StageOutcome;
import dev.rlaif.trainer.stages.StageWork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * RL: optimises the SFT policy against the run's reward under a per-token KL penalty to the frozen SFT
 * policy (REINFORCE with a baseline, A2C, PPO or RLOO from {@code ml}), with rewards from the
 * reward-service over Kafka; or DPO on the AI labels. Every {@code checkpointEvery} steps the trainer's
 * full state is saved and the held-out reward is measured (the reward-hacking guard: KL, length and
 * held-out reward side by side); after a restart the stage continues from the last checkpoint.
 */
@Component
public class RlWork implements StageWork {

    public static final String CHECKPOINT = "rl-checkpoint";
    private static final int HELD_OUT_PROMPTS = 16;

    private final RewardClient rewards;
    private final SampledPairs pairs;

    public RlWork(RewardClient rewards, SampledPairs pairs) {
        this.rewards = rewards;
        this.pairs = pairs;
    }

    @Override
    public Stage stage() {
        return Stage.RL;
    }

    @Override
    public StageOutcome run(StageContext context) throws Exception {
        RunSpec spec = context.spec();
        UUID runId = context.runId();
        Path policyDir = context.artifacts().directory(runId, ArtifactNames.RL_POLICY);
        Map<String, String> artifacts = Map.of("policy", ArtifactStore.relative(runId, ArtifactNames.RL_POLICY));
        if (Files.exists(policyDir.resolve("model.safetensors"))) {
            return StageOutcome.done(Map.of(), artifacts);
        }
        Path sft = context.artifacts().resolve(ArtifactStore.relative(runId, ArtifactNames.SFT_POLICY));
        Path checkpoint = context.artifacts().resolve(ArtifactStore.relative(runId, CHECKPOINT));
        RunDataset dataset = RunDataset.prepare(runId, spec, context.artifacts());
        RlSpec rl = spec.rl();
        Map<String, Double> summary = "dpo".equals(rl.algorithm())
                ? dpo(context, sft, checkpoint, policyDir)
                : policyGradient(context, dataset, sft, checkpoint, policyDir);
        return StageOutcome.done(summary, artifacts);
    }

    private Map<String, Double> policyGradient(StageContext context, RunDataset dataset, Path sft, Path checkpoint, Path policyDir)
            throws Exception {
        RunSpec spec = context.spec();
        RlSpec rl = spec.rl();
        RlAlgorithm algorithm = RlAlgorithm.valueOf(rl.algorithm().toUpperCase(Locale.ROOT));
        boolean valueHead = algorithm.needsValueHead();
        try (HfCheckpoint.Loaded reference = HfCheckpoint.load(sft, false, false, spec.seed())) {
            TextTokenizer tokenizer = reference.tokenizer();
            int block = reference.model().config().blockSize();
            int maxNew = spec.sampling().maxNewTokens();
            List<long[]> prompts = new ArrayList<>();
            Map<long[], String> promptTexts = new IdentityHashMap<>();
            for (PromptExample example : dataset.train()) {
                long[] ids = PolicyText.prompt(tokenizer, example.prompt(), block, maxNew);
                prompts.add(ids);
                promptTexts.put(ids, example.prompt());
            }
            var sampling = new SamplingConfig(rl.temperature().floatValue(), 0, 1f, maxNew, true);
            int samplesPerPrompt = algorithm == RlAlgorithm.RLOO ? rl.numGenerations() : 1;
            int promptsPerIteration = Math.max(1, Math.min(prompts.size(), rl.batchSize() / samplesPerPrompt));
            RlConfig config = new RlConfig(algorithm, rl.beta().floatValue(), promptsPerIteration, samplesPerPrompt, sampling,
                    rl.ppoEpochs(), rl.clipRange().floatValue(), 0.5f, 0f, 1f, 0.95f, 0.9f);
            RewardFunction reward = (rolloutPrompts, responses) -> score(context, tokenizer, promptTexts, rolloutPrompts, responses);

            Gpt policy;
            TrainingLoop loop;
            Map<String, Double> position = Map.of();
            if (Files.exists(checkpoint.resolve("model.safetensors"))) {
                TrainingLoop.Resumed resumed = TrainingLoop.resume(checkpoint);
                loop = resumed.loop();
                policy = loop.model();
                position = resumed.extra();
                resumed.tokenizer().close();
            } else {
                policy = reference.model().trainableCopy(valueHead, spec.seed());
                loop = new TrainingLoop(policy, OptimizerConfig.defaults(rl.learningRate().floatValue(), rl.steps()), spec.seed());
            }
            try (policy; loop) {
                RlTrainer trainer = new RlTrainer(loop, reference.model(), reward, prompts, config, spec.seed());
                trainer.restore(position);
                List<PromptExample> heldOut = dataset.eval().subList(0, Math.min(HELD_OUT_PROMPTS, dataset.eval().size()));
                double lastReward = Double.NaN;
                double lastKl = Double.NaN;
                while (trainer.iteration() < rl.steps()) {
                    context.checkCancelled();
                    StepMetrics step = trainer.iterate();
                    Map<String, Double> metrics = new HashMap<>();
                    metrics.put("loss", (double) step.loss());
                    step.metrics().forEach((name, value) -> metrics.put(name, (double) value));
                    lastReward = metrics.getOrDefault("reward", Double.NaN);
                    lastKl = metrics.getOrDefault("kl", Double.NaN);
                    boolean checkpointNow = trainer.iteration() % rl.checkpointEvery() == 0 || trainer.iteration() == rl.steps();
                    if (checkpointNow) {
                        trainer.save(checkpoint, tokenizer);
                        metrics.put("heldout_reward", heldOutReward(context, policy, tokenizer, heldOut, maxNew));
                    }
                    context.progress(trainer.iteration(), rl.steps(), metrics);
                }
                HfCheckpoint.save(policyDir, policy, tokenizer);
                return Map.of("rl_steps", (double) trainer.iteration(), "reward_final", lastReward, "kl_final", lastKl);
            }
        }
    }

    private Map<String, Double> dpo(StageContext context, Path sft, Path checkpoint, Path policyDir) throws Exception {
        RunSpec spec = context.spec();
        RlSpec rl = spec.rl();
        try (HfCheckpoint.Loaded reference = HfCheckpoint.load(sft, false, false, spec.seed())) {
            TextTokenizer tokenizer = reference.tokenizer();
            int block = reference.model().config().blockSize();
            int maxNew = spec.sampling().maxNewTokens();
            List<PreferencePair> labeled = new ArrayList<>();
            for (SampledPairs.Pair pair : pairs.labeledPairs(context.runId())) {
                labeled.add(new PreferencePair(PolicyText.prompt(tokenizer, pair.prompt(), block, maxNew),
                        PolicyText.response(tokenizer, pair.responseA(), maxNew),
                        PolicyText.response(tokenizer, pair.responseB(), maxNew), pair.aiPreference().floatValue()));
            }
            if (labeled.isEmpty()) {
                throw new IllegalStateException("DPO needs labeled pairs and the run has none");
            }
            TrainingLoop loop;
            if (Files.exists(checkpoint.resolve("model.safetensors"))) {
                TrainingLoop.Resumed resumed = TrainingLoop.resume(checkpoint);
                resumed.tokenizer().close();
                loop = resumed.loop();
            } else {
                loop = new TrainingLoop(reference.model().trainableCopy(false, spec.seed()),
                        OptimizerConfig.defaults(rl.learningRate().floatValue(), rl.steps()), spec.seed());
            }
            Gpt policy = loop.model();
            try (policy; loop) {
                var objective = new DpoObjective(policy, reference.model(), labeled, Math.min(rl.batchSize(), labeled.size()),
                        rl.beta().floatValue(), spec.seed());
                double lastLoss = Double.NaN;
                while (loop.step() < rl.steps()) {
                    context.checkCancelled();
                    StepMetrics step = loop.step(objective);
                    lastLoss = step.loss();
                    Map<String, Double> metrics = new HashMap<>();
                    metrics.put("loss", (double) step.loss());
                    step.metrics().forEach((name, value) -> metrics.put(name, (double) value));
                    if (loop.step() % rl.checkpointEvery() == 0) {
                        loop.save(checkpoint, tokenizer);
                    }
                    context.progress(loop.step(), rl.steps(), metrics);
                }
                HfCheckpoint.save(policyDir, policy, tokenizer);
                return Map.of("rl_steps", (double) loop.step(), "dpo_loss_final", lastLoss);
            }
        }
    }

    private float[] score(StageContext context, TextTokenizer tokenizer, Map<long[], String> promptTexts,
                          List<long[]> prompts, List<long[]> responses) {
        List<ScoringItem> items = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            String prompt = promptTexts.get(prompts.get(i));
            items.add(new ScoringItem(prompt, PolicyText.decode(tokenizer, responses.get(i))));
        }
        try {
            List<Double> scores = rewards.score(context.runId(), items);
            float[] out = new float[scores.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = scores.get(i).floatValue();
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for rewards", e);
        }
    }

    private double heldOutReward(StageContext context, Gpt policy, TextTokenizer tokenizer, List<PromptExample> heldOut, int maxNew)
            throws InterruptedException {
        if (heldOut.isEmpty()) {
            return Double.NaN;
        }
        int block = policy.config().blockSize();
        List<long[]> inputs = heldOut.stream().map(e -> PolicyText.prompt(tokenizer, e.prompt(), block, maxNew)).toList();
        var samples = Sampler.sample(policy, inputs, SamplingConfig.greedy(maxNew), new Rng(context.spec().seed()));
        List<ScoringItem> items = new ArrayList<>();
        for (int i = 0; i < heldOut.size(); i++) {
            items.add(new ScoringItem(heldOut.get(i).prompt(), PolicyText.decode(tokenizer, samples.tokens()[i])));
        }
        return rewards.score(context.runId(), items).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}

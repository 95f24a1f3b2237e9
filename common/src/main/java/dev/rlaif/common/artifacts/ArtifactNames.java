package dev.rlaif.common.artifacts;

/**
 * Where each stage leaves its output inside {@code runs/<runId>/}, so that the service of a later stage
 * finds it without a lookup. Checkpoints use the Hugging Face layout (config.json, model.safetensors,
 * tokenizer.json); datasets are JSONL.
 */
public final class ArtifactNames {

    /** Training prompts {@code {"id","prompt","reference"}}, written by the trainer when the run starts. */
    public static final String TRAIN_PROMPTS = "dataset/train.jsonl";
    /** Held-out prompts for evaluation, same shape, disjoint from {@link #TRAIN_PROMPTS}. */
    public static final String EVAL_PROMPTS = "dataset/eval.jsonl";
    /** Sampled pairs {@code {"id","prompt","response_a","response_b","preference"}} (preference = human label if known). */
    public static final String PAIRS = "dataset/pairs.jsonl";
    /** The SFT policy checkpoint (also the initialisation of the reward model and of RL). */
    public static final String SFT_POLICY = "sft";
    /** The reward model checkpoint (backbone + scalar head), distilled RLAIF only. */
    public static final String REWARD_MODEL = "reward-model";
    /** The RL-optimised policy checkpoint. */
    public static final String RL_POLICY = "policy";

    private ArtifactNames() {
    }
}
